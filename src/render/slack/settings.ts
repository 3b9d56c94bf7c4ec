import type { DeliveryEntry, SettingsResult } from '../../answer/settings-result.js';
import { SUBSCRIBE_POLICIES, type SubscribePolicy } from '../../intents/settings-intent.js';
import { context, header, type SlackMessage, section } from './blocks.js';
import { COMMAND } from './ids.js';
import { escapeMrkdwn, link, quoteUserText, slackDate, truncate } from './mrkdwn.js';

/** What each subscribe policy means, in words. */
export const POLICY_WORDS: Readonly<Record<SubscribePolicy, string>> = {
  anyone: 'anyone in the workspace',
  admins: 'only workspace admins and owners',
  'channel-creator': 'the channel’s creator, and workspace admins and owners',
};

const POLICY_USAGE = `\`${COMMAND} settings subscribe-policy ${SUBSCRIBE_POLICIES.join('|')}\``;

/** A Slack user id as a mention; anything else (never expected) as escaped text. */
function person(id: string): string {
  return /^[UW][A-Z0-9]+$/.test(id) ? `<@${id}>` : escapeMrkdwn(id);
}

function message(text: string, note?: string): SlackMessage {
  const plainText = text.replace(/[*_`]/g, '');
  return { text: plainText, blocks: [section(text), ...(note ? [context(note)] : [])] };
}

/** A settings or deliveries answer, as Slack shows it. Pure. */
export function renderSettingsResult(result: SettingsResult): SlackMessage {
  switch (result.kind) {
    case 'settings':
      return renderSettings(result);
    case 'setting-changed': {
      const now = POLICY_WORDS[result.value];
      if (!result.changed)
        return message(`Nothing to change: ${now} can already subscribe and unsubscribe channels.`);
      const was = result.previous ? ` (before: \`${escapeMrkdwn(result.previous)}\`)` : ' (before: `anyone`)';
      return message(
        `Done: from now on ${now} can subscribe and unsubscribe channels${was}.`,
        `The change is recorded with your name; everyone can see it with \`${COMMAND} settings\`.`,
      );
    }
    case 'setting-refused':
      return message(
        'Only workspace admins and owners can change the workspace’s settings, so nothing changed.',
        `Ask one of them to run \`${COMMAND} settings subscribe-policy ${result.value}\`. See the settings with \`${COMMAND} settings\`.`,
      );
    case 'bad-setting':
      return renderBadSetting(result.name, result.value);
    case 'check-failed':
      return message(
        `I couldn’t check that you are a workspace admin (Slack said \`${quoteUserText(result.error, 60)}\`), so nothing changed. Please try again in a moment.`,
      );
    case 'deliveries':
      return renderDeliveries(result.entries);
    case 'deliveries-need-channel':
      return message(
        `The delivery log belongs to a channel: run \`${COMMAND} deliveries\` in the channel whose notices you want to see.`,
      );
    case 'muted':
      return message(
        `${result.extended ? 'Still muted, now' : 'Muted'} until ${slackDate(result.until, true)}. This channel gets no notices until then; then it gets *one* catch-up notice of everything that changed meanwhile (none if nothing did).`,
        `End it early with \`${COMMAND} unmute\`. \`${COMMAND} subscriptions\` shows the mute.`,
      );
    case 'unmuted':
      return result.wasMuted
        ? message(
            'Unmuted. If anything this channel follows changed while it was muted, one catch-up notice is on its way.',
          )
        : message(
            `This channel isn’t muted. Mute it with \`${COMMAND} mute 7d\` (or \`2h\`, \`until 2027-01-15\`).`,
          );
    case 'bad-mute':
      return renderBadMute(result.text, result.reason);
    case 'format-changed':
      return message(
        result.format === 'compact'
          ? `${result.changed ? 'Done: this' : 'This'} channel’s notices are compact: one line per change, without what each state promises.`
          : `${result.changed ? 'Done: this' : 'This'} channel’s notices are in full: each change with what its new state promises.`,
        `Switch with \`${COMMAND} settings format ${result.format === 'compact' ? 'full' : 'compact'}\`.`,
      );
  }
}

function renderSettings(result: Extract<SettingsResult, { kind: 'settings' }>): SlackMessage {
  const [last] = result.history;
  const changed = last
    ? `Last changed by ${person(last.changedBy)}, ${slackDate(last.changedAt, true)}.`
    : 'Never changed: this is the default.';
  const earlier = result.history
    .slice(1)
    .map((h) => `• ${slackDate(h.changedAt, true)}: ${person(h.changedBy)} set \`${escapeMrkdwn(h.value)}\``);
  const how = result.askerIsAdmin
    ? `You are a workspace admin, so you can change it: ${POLICY_USAGE}.`
    : `Workspace admins and owners change it with ${POLICY_USAGE}.`;
  const body = [
    `*Who may subscribe and unsubscribe channels:* ${POLICY_WORDS[result.subscribePolicy]} (\`${result.subscribePolicy}\`). ${changed}`,
    ...(earlier.length > 0 ? [`Earlier changes:\n${earlier.join('\n')}`] : []),
    `*This channel’s notices:* \`${result.format}\` (${result.format === 'compact' ? 'one line per change' : 'each change with what its state promises'}); switch with \`${COMMAND} settings format ${result.format === 'compact' ? 'full' : 'compact'}\`.`,
  ].join('\n');
  return {
    text: `Workspace settings: who may subscribe: ${result.subscribePolicy}.`,
    blocks: [header('Workspace settings'), section(body), context(how)],
  };
}

function renderBadSetting(name: string, value: string | undefined): SlackMessage {
  if (name === 'format')
    return message(
      `${value === undefined ? 'Which format?' : `“${quoteUserText(value, 40)}” isn’t a format.`} Choose \`compact\` (one line per change) or \`full\` (each change with what its state promises).`,
      `For example \`${COMMAND} settings format compact\`.`,
    );
  if (name === 'subscribe-policy') {
    const lead =
      value === undefined ? 'Which policy?' : `“${quoteUserText(value, 40)}” isn’t a subscribe policy.`;
    const choices = SUBSCRIBE_POLICIES.map((p) => `• \`${p}\`: ${POLICY_WORDS[p]}`).join('\n');
    return message(
      `${lead} Choose one of:\n${choices}`,
      `For example \`${COMMAND} settings subscribe-policy admins\`.`,
    );
  }
  return message(
    `I don’t know a setting called “${quoteUserText(name, 40)}”. The settings are: \`subscribe-policy\` (who may subscribe) and \`format\` (\`compact\` or \`full\` notices in this channel).`,
    `See them with \`${COMMAND} settings\`.`,
  );
}

const STATUS_WORDS: Readonly<Record<DeliveryEntry['status'], string>> = {
  sent: ':white_check_mark: sent',
  reconciled: ':white_check_mark: sent (reconciled: found already posted after Slack’s answer was lost)',
  retrying: ':hourglass_flowing_sand: retrying',
  pending: ':hourglass_flowing_sand: queued',
  failed: ':x: failed',
};

/** One line of the log: when, what, how it went and why, and the posted message. Pure. */
export function deliveryLine(entry: DeliveryEntry): string {
  const what = entry.summary ? escapeMrkdwn(truncate(entry.summary, 160)) : '_(no summary kept)_';
  const retried =
    entry.retried && (entry.status === 'sent' || entry.status === 'reconciled')
      ? ` after ${entry.attempts} attempts`
      : entry.status === 'retrying'
        ? ` (${entry.attempts} attempt${entry.attempts === 1 ? '' : 's'} so far)`
        : '';
  const why = entry.error ? `: \`${escapeMrkdwn(truncate(entry.error, 120))}\`` : '';
  const view = entry.permalink ? ` · ${link(entry.permalink, 'view')}` : '';
  return `• ${slackDate(entry.queuedAt, true)} — ${what} — ${STATUS_WORDS[entry.status]}${retried}${why}${view}`;
}

function renderDeliveries(entries: readonly DeliveryEntry[]): SlackMessage {
  if (entries.length === 0)
    return message(
      'No notices have been queued for this channel yet.',
      `Subscribe it with \`${COMMAND} subscribe\`; see what it gets with \`${COMMAND} subscriptions\`.`,
    );
  const failed = entries.filter((e) => e.status === 'failed').length;
  return {
    text: `The last ${entries.length} notice${entries.length === 1 ? '' : 's'} for this channel${failed ? `, ${failed} failed` : ''}.`,
    blocks: [
      section(
        `*Delivery log: the last ${entries.length} notice${entries.length === 1 ? '' : 's'} for this channel, newest first*\n${entries.map(deliveryLine).join('\n')}`,
      ),
      context(
        failed
          ? 'A failed notice is not sent again. `not_in_channel` or `channel_not_found`: invite me and subscribe again; `is_archived`: the channel was archived.'
          : `Times are when the registry changed. See what this channel gets with \`${COMMAND} subscriptions\`.`,
      ),
    ],
  };
}

const MUTE_USAGE = `\`${COMMAND} mute 7d\`, \`mute 2h\`, \`mute 30m\`, \`mute 2w\` or \`mute until 2027-01-15\``;

function renderBadMute(text: string, reason: 'format' | 'bad-date' | 'past' | 'too-long'): SlackMessage {
  const quoted = `“${quoteUserText(text, 40)}”`;
  switch (reason) {
    case 'format':
      return message(
        text ? `I can’t read ${quoted} as a length of time, so nothing changed.` : 'For how long?',
        `Try ${MUTE_USAGE}. Minutes (m), hours (h), days (d) and weeks (w) work.`,
      );
    case 'bad-date':
      return message(
        `${quoted} isn’t a date, so nothing changed. Write it as year-month-day: ${MUTE_USAGE}.`,
      );
    case 'past':
      return message(
        `${text ? `${quoted} has already passed` : 'That ends before it starts'}, so nothing changed. Pick a time in the future: ${MUTE_USAGE}.`,
      );
    case 'too-long':
      return message(
        `A mute can last up to a year, so nothing changed. To stop notices for good, use \`${COMMAND} unsubscribe\`.`,
      );
  }
}
