import { asArray, asString, isRecord } from '@osm-feature-bot/slack-standin';

/** The option object a select offered, as the bot sent it. */
export interface OfferedOption {
  text: { type: 'plain_text'; text: string };
  value: string;
}

/**
 * The option with `value` of the select `actionId` in a message's blocks (in actions blocks or as a section
 * accessory, plain options or option groups). Slack sends the option exactly as offered in block_actions,
 * so the sandbox looks it up rather than trusting the text the page shows (which has emoji substituted). Pure.
 */
export function findOfferedOption(
  blocks: readonly unknown[],
  actionId: string,
  value: string,
): OfferedOption | undefined {
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    const elements = [...(asArray(block.elements) ?? []), block.accessory];
    for (const element of elements) {
      if (!isRecord(element) || element.action_id !== actionId) continue;
      const groups = (asArray(element.option_groups) ?? []).flatMap((g) =>
        isRecord(g) ? (asArray(g.options) ?? []) : [],
      );
      for (const option of [...(asArray(element.options) ?? []), ...groups]) {
        if (!isRecord(option) || option.value !== value || !isRecord(option.text)) continue;
        return { text: { type: 'plain_text', text: asString(option.text.text) ?? '' }, value };
      }
    }
  }
  return undefined;
}
