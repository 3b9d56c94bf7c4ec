import type { Registry } from '../registry/schema.js';
import { context, type SlackMessage, section } from '../render/blocks.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';
import type { Subscription } from '../store/store.js';
import { describeFilter, filterLabel } from './filters.js';
import { CONFIG_SUBSCRIBER } from './service.js';

export const INVITE_COMMAND = '/invite @osm-feature';

const EXAMPLES =
  'Try `/osm-feature subscribe` (everything), or `subscribe multicluster`, `subscribe category security`, ' +
  '`subscribe beta`, `subscribe promotions`, `subscribe removals`.';

/** Rich text and its plain fallback in one go. */
function answer(text: string, note?: string): SlackMessage {
  const plainText = text.replace(/[*_`]/g, '');
  return { text: plainText, blocks: [section(text), ...(note ? [context(note)] : [])] };
}

/** A user id as a mention when it looks like one; anything else as escaped text. */
function who(sub: Subscription): string {
  if (sub.source === 'config' || sub.createdBy === CONFIG_SUBSCRIBER) return 'from NOTICE_CHANNELS';
  return /^[UW][A-Z0-9]+$/.test(sub.createdBy)
    ? `by <@${sub.createdBy}>`
    : `by ${escapeMrkdwn(sub.createdBy)}`;
}

/** A date Slack renders in the reader's time zone, with an ISO fallback. */
function when(ms: number): string {
  const iso = new Date(ms).toISOString().slice(0, 10);
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty}|${iso}>`;
}

export function renderSubscribed(
  sub: Subscription,
  state: 'created' | 'existing' | 'resumed',
  registry: Registry,
  warning?: string,
): SlackMessage {
  const what = describeFilter(sub.filter, registry);
  const lead =
    state === 'created'
      ? `Subscribed. This channel will get one notice each time the registry changes, covering ${what}.`
      : state === 'resumed'
        ? `Subscription resumed. This channel will again get a notice each time the registry changes, covering ${what}.`
        : `This channel already gets a notice each time the registry changes, covering ${what}.`;
  return answer(
    lead,
    warning ??
      'Several subscriptions never mean several messages: one notice per change, with everything that matches. See them with `/osm-feature subscriptions`.',
  );
}

export function renderInviteNeeded(what: string): SlackMessage {
  return answer(
    `I can’t post in this channel yet: it’s private and I’m not a member, so I have *not* subscribed it. ` +
      `Invite me with \`${INVITE_COMMAND}\`, then run the subscribe command again. Once subscribed, this channel will get ${what}.`,
  );
}

export function renderArchived(): SlackMessage {
  return answer(
    'This channel is archived, so I can’t post notices here. Subscribe from a channel that is in use.',
  );
}

export function uncheckedWarning(error: string): string {
  return `I couldn’t check that I can post here (${escapeMrkdwn(error)}). If this channel is private, invite me with \`${INVITE_COMMAND}\` or the notices will not arrive.`;
}

export function renderUnsubscribedAll(removed: number, hadConfig: boolean): SlackMessage {
  if (removed === 0) return answer(`This channel had no subscriptions. ${EXAMPLES}`);
  const plural = removed === 1 ? 'subscription' : 'subscriptions';
  return answer(
    `Unsubscribed: removed ${removed} ${plural}. This channel will get no more lifecycle notices.`,
    hadConfig ? configNote() : undefined,
  );
}

export function renderUnsubscribed(
  label: string,
  removed: number,
  remaining: readonly Subscription[],
  registry: Registry,
  wasConfig: boolean,
): SlackMessage {
  const rest =
    remaining.length === 0
      ? 'This channel has no other subscriptions, so it will get no more notices.'
      : `It still gets: ${remaining.map((s) => filterLabel(s.filter, registry)).join(', ')}.`;
  if (removed === 0)
    return answer(`This channel wasn’t subscribed to ${label}. ${remaining.length === 0 ? EXAMPLES : rest}`);
  return answer(`Unsubscribed from ${label}. ${rest}`, wasConfig ? configNote() : undefined);
}

function configNote(): string {
  return 'This channel is also listed in NOTICE_CHANNELS, so it is subscribed to everything again when the bot restarts. Ask whoever runs the bot to take it out of that list.';
}

export function renderSubscriptionList(subs: readonly Subscription[], registry: Registry): SlackMessage {
  if (subs.length === 0) return answer(`This channel has no subscriptions. ${EXAMPLES}`);
  const lines = subs.map((s) => {
    const paused = s.active ? '' : ` _(paused: ${escapeMrkdwn(s.deactivatedReason ?? 'cannot post here')})_`;
    return `• ${filterLabel(s.filter, registry)} — ${who(s)}, ${when(s.createdAt)}${paused}`;
  });
  const anyPaused = subs.some((s) => !s.active);
  return {
    text: `This channel has ${subs.length} subscription${subs.length === 1 ? '' : 's'}: ${subs.map((s) => filterLabel(s.filter, registry).replace(/\*/g, '')).join(', ')}.`,
    blocks: [
      section(
        `This channel gets one notice per registry change, with every change matching any of:\n${lines.join('\n')}`,
      ),
      context(
        anyPaused
          ? `Paused subscriptions start again when you subscribe again (after \`${INVITE_COMMAND}\` if needed). Remove with \`/osm-feature unsubscribe [filter]\`.`
          : 'Remove one with `/osm-feature unsubscribe <filter>`, or all with `/osm-feature unsubscribe`.',
      ),
    ],
  };
}
