import type { BlockActionInput, HttpResult, SlackStandin } from '@osm-feature-bot/slack-standin';

type Element = {
  type: string;
  action_id: string;
  value?: string;
  options?: { text: { type: 'plain_text'; text: string }; value: string }[];
  initial_option?: { value: string };
  initial_value?: string;
};
type Block = {
  type: string;
  block_id?: string;
  elements?: Element[];
  element?: Element;
  text?: { text: string };
};

/** The user's published Home view (as the stand-in keeps it). */
export function homeView(standin: SlackStandin, user: string): { id: string; blocks: Block[] } {
  const view = standin.homeView(user);
  if (!view) throw new Error(`no Home view published for ${user}`);
  return view as unknown as { id: string; blocks: Block[] };
}

/** Every interactive element in the view, with its block id. */
export function homeElements(blocks: readonly Block[]): { blockId: string; element: Element }[] {
  return blocks.flatMap((b) => {
    const elements = b.type === 'actions' ? (b.elements ?? []) : b.element ? [b.element] : [];
    return elements.map((element) => ({ blockId: b.block_id ?? '', element }));
  });
}

/** All the text in a view, for "does it say X" checks. */
export function homeText(standin: SlackStandin, user: string): string {
  return JSON.stringify(homeView(standin, user).blocks);
}

/**
 * A block_actions payload from a Home tab, as Slack sends it: the view and a view container, and neither a
 * channel nor a response_url (a Home view is changed only with views.publish).
 */
export function sendHomeAction(
  standin: SlackStandin,
  user: string,
  pick: (elements: ReturnType<typeof homeElements>) => BlockActionInput,
): Promise<HttpResult> {
  const view = homeView(standin, user);
  const action = pick(homeElements(view.blocks));
  const payload = standin.buildBlockActionsPayload(action, { user });
  delete payload.channel;
  delete payload.response_url;
  delete payload.message;
  payload.container = { type: 'view', view_id: view.id };
  payload.view = view;
  return standin.sendInteraction(payload);
}

/** Picks the option whose text contains `text` in the select `actionId`. */
export function selectOption(actionId: string, text: string) {
  return (elements: ReturnType<typeof homeElements>): BlockActionInput => {
    const found = elements.find((e) => e.element.action_id === actionId);
    const option = found?.element.options?.find((o) => o.text.text.includes(text));
    if (!found || !option) throw new Error(`no ${actionId} option ${text}`);
    return { type: 'static_select', action_id: actionId, block_id: found.blockId, selected_option: option };
  };
}

/** Types `value` into the input `actionId` and presses Enter. */
export function typeInto(actionId: string, value: string) {
  return (elements: ReturnType<typeof homeElements>): BlockActionInput => {
    const found = elements.find((e) => e.element.action_id === actionId);
    if (!found) throw new Error(`no ${actionId} input`);
    return { type: 'plain_text_input', action_id: actionId, block_id: found.blockId, value };
  };
}

/** Clicks the button whose action id starts with `prefix` and whose value is `value` (any value if omitted). */
export function pressButton(prefix: string, value?: string) {
  return (elements: ReturnType<typeof homeElements>): BlockActionInput => {
    const found = elements.find(
      (e) => e.element.action_id.startsWith(prefix) && (value === undefined || e.element.value === value),
    );
    if (!found) throw new Error(`no ${prefix} button`);
    return { action_id: found.element.action_id, block_id: found.blockId, value: found.element.value ?? '' };
  };
}
