import type {
  BotIdentity,
  ListedSubscription,
  NamedFilter,
  SubscriptionResult,
} from '../../answer/subscription-result.js';
import { context, type SlackMessage, section } from './blocks.js';
import { APP_NAME, COMMAND } from './ids.js';
import { escapeMrkdwn, quoteUserText, slackDate } from './mrkdwn.js';
import { describeFilter, filterLabel } from './subscription-filters.js';

const EXAMPLES =
  `Try \`${COMMAND} subscribe\` (everything), or \`subscribe multicluster\`, \`subscribe category security\`, ` +
  '`subscribe beta`, `subscribe promotions`, `subscribe removals`.';

/** The command that adds the bot to a channel, with its real name where Slack gave it. */
function inviteCommand(bot: BotIdentity): string {
  const name = bot.name && /^[\w.-]{1,80}$/.test(bot.name) ? bot.name : APP_NAME;
  return `/invite @${name}`;
}

/** An answer for a subscription command, as Slack shows it. Pure. */
export function renderSubscriptionResult(result: SubscriptionResult): SlackMessage {
  switch (result.kind) {
    case 'subscribed':
      return renderSubscribed(
        result.filter,
        result.state,
        result.uncheckedError === undefined ? undefined : uncheckedWarning(result.uncheckedError, result.bot),
        result.digest,
      );
    case 'bad-schedule':
      return answer(
        `I don’t send “${quoteUserText(result.word, 30)}” notices, so nothing changed. A subscription’s notices go out *immediately* (the default), as a *daily* digest, or as a *weekly* one (Mondays), at 09:00 in your time zone.`,
        `For example \`${COMMAND} subscribe stable daily\` or \`${COMMAND} subscribe promotions weekly\`.`,
      );
    case 'invite-needed':
      return renderInviteNeeded(describeFilter(result.filter), result.bot);
    case 'archived':
      return renderArchived();
    case 'unsubscribed-all':
      return renderUnsubscribedAll(result.removed, result.hadConfig);
    case 'unsubscribed':
      return renderUnsubscribed(
        filterLabel(result.filter),
        result.removed,
        result.remaining,
        result.wasConfig,
      );
    case 'list':
      return renderSubscriptionList(result.subscriptions, result.bot, result.mutedUntil);
    case 'ambiguous-filter': {
      const names = result.names.map((n) => `*${escapeMrkdwn(n)}*`).join(', ');
      const quoted = `“${quoteUserText(result.query)}”`;
      return answer(
        result.subject === 'category'
          ? `${quoted} matches more than one category: ${names}. Try \`${COMMAND} ${result.verb} category <full name>\`.`
          : `${quoted} could be more than one feature. Did you mean: ${names}? Try \`${COMMAND} ${result.verb} <full name>\`.`,
      );
    }
    case 'unknown-category': {
      const all = result.categories.map((c) => `*${escapeMrkdwn(c)}*`).join(', ');
      return notice(
        `I don’t know a category called “${quoteUserText(result.query)}”. The categories are: ${all}.`,
      );
    }
    case 'channel-required':
      return notice('I can only subscribe a channel from a message in that channel.');
    case 'not-allowed': {
      const who =
        result.policy === 'admins'
          ? 'only workspace admins and owners'
          : 'only the person who created this channel, and workspace admins and owners,';
      return answer(
        `In this workspace ${who} can subscribe, unsubscribe or mute channels, so I haven’t changed anything. ` +
          `Ask one of them to ${result.verb === 'format' ? 'change the notice format of' : result.verb} this channel for you.`,
        `See who decides with \`${COMMAND} settings\`. Anyone can still ask me about features and see \`${COMMAND} subscriptions\`.`,
      );
    }
    case 'permission-unchecked':
      return answer(
        `I couldn’t check whether you may ${result.verb} this channel (Slack said \`${quoteUserText(result.error, 60)}\`), so I haven’t changed anything. Please try again in a moment.`,
      );
  }
}

/** A line of text as a message, its fallback the same text. */
function notice(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}

/** Rich text and its plain fallback in one go. */
function answer(text: string, note?: string): SlackMessage {
  const plainText = text.replace(/[*_`]/g, '');
  return { text: plainText, blocks: [section(text), ...(note ? [context(note)] : [])] };
}

/** A user id as a mention when it looks like one; anything else as escaped text. */
function who(sub: ListedSubscription): string {
  if (sub.fromConfig) return 'from NOTICE_CHANNELS';
  return /^[UW][A-Z0-9]+$/.test(sub.createdBy)
    ? `by <@${sub.createdBy}>`
    : `by ${escapeMrkdwn(sub.createdBy)}`;
}

function renderSubscribed(
  filter: NamedFilter,
  state: 'created' | 'existing' | 'resumed',
  warning: string | undefined,
  digest: Extract<SubscriptionResult, { kind: 'subscribed' }>['digest'],
): SlackMessage {
  const what = describeFilter(filter);
  if (digest) {
    const every = digest.schedule === 'daily' ? 'a daily digest' : 'a weekly digest (Mondays)';
    return answer(
      `Subscribed. This channel will get ${every} at 09:00 ${escapeMrkdwn(digest.tz)} time (the time zone of whoever subscribed), combining every change since the last one, covering ${what}. The first is due ${slackDate(digest.nextAt, true)}.`,
      warning ??
        `Nothing changed meanwhile means no digest. Back to a notice per change with \`${COMMAND} subscribe <filter> immediately\`.`,
    );
  }
  const lead =
    state === 'created'
      ? `Subscribed. This channel will get one notice each time the registry changes, covering ${what}.`
      : state === 'resumed'
        ? `Subscription resumed. This channel will again get a notice each time the registry changes, covering ${what}.`
        : `This channel already gets a notice each time the registry changes, covering ${what}.`;
  return answer(
    lead,
    warning ??
      `Several subscriptions never mean several messages: one notice per change, with everything that matches. See them with \`${COMMAND} subscriptions\`.`,
  );
}

function renderInviteNeeded(what: string, bot: BotIdentity): SlackMessage {
  return answer(
    `I can’t post in this channel yet: it’s private and I’m not a member, so I have *not* subscribed it. ` +
      `Invite me with \`${inviteCommand(bot)}\`, then run the subscribe command again. Once subscribed, this channel will get ${what}.`,
  );
}

function renderArchived(): SlackMessage {
  return answer(
    'This channel is archived, so I can’t post notices here. Subscribe from a channel that is in use.',
  );
}

function uncheckedWarning(error: string, bot: BotIdentity): string {
  return `I couldn’t check that I can post here (${escapeMrkdwn(error)}). If this channel is private, invite me with \`${inviteCommand(bot)}\` or the notices will not arrive.`;
}

function renderUnsubscribedAll(removed: number, hadConfig: boolean): SlackMessage {
  if (removed === 0) return answer(`This channel had no subscriptions. ${EXAMPLES}`);
  const plural = removed === 1 ? 'subscription' : 'subscriptions';
  return answer(
    `Unsubscribed: removed ${removed} ${plural}. This channel will get no more lifecycle notices.`,
    hadConfig ? configNote() : undefined,
  );
}

function renderUnsubscribed(
  label: string,
  removed: number,
  remaining: readonly NamedFilter[],
  wasConfig: boolean,
): SlackMessage {
  const rest =
    remaining.length === 0
      ? 'This channel has no other subscriptions, so it will get no more notices.'
      : `It still gets: ${remaining.map(filterLabel).join(', ')}.`;
  if (removed === 0)
    return answer(`This channel wasn’t subscribed to ${label}. ${remaining.length === 0 ? EXAMPLES : rest}`);
  return answer(`Unsubscribed from ${label}. ${rest}`, wasConfig ? configNote() : undefined);
}

function configNote(): string {
  return 'This channel is also listed in NOTICE_CHANNELS, so it is subscribed to everything again when the bot restarts. Ask whoever runs the bot to take it out of that list.';
}

function renderSubscriptionList(
  subs: readonly ListedSubscription[],
  bot: BotIdentity,
  mutedUntil: number | undefined,
): SlackMessage {
  const muted =
    mutedUntil === undefined
      ? ''
      : `\n:no_bell: *Muted until ${slackDate(mutedUntil, true)}*: no notices until then, then one catch-up. \`${COMMAND} unmute\` ends it.`;
  if (subs.length === 0) return answer(`This channel has no subscriptions. ${EXAMPLES}${muted}`);
  const lines = subs.map((s) => {
    const paused = s.active ? '' : ` _(paused: ${escapeMrkdwn(s.deactivatedReason ?? 'cannot post here')})_`;
    const schedule = s.schedule === 'immediately' ? '' : ` · ${s.schedule} digest at 09:00`;
    return `• ${filterLabel(s.filter)} — ${who(s)}, ${slackDate(s.createdAt)}${schedule}${paused}`;
  });
  const anyPaused = subs.some((s) => !s.active);
  return {
    text: `This channel has ${subs.length} subscription${subs.length === 1 ? '' : 's'}: ${subs.map((s) => filterLabel(s.filter).replace(/\*/g, '')).join(', ')}.`,
    blocks: [
      section(
        `This channel gets one notice per registry change, with every change matching any of:\n${lines.join('\n')}${muted}`,
      ),
      context(
        anyPaused
          ? `Paused subscriptions start again when you subscribe again (after \`${inviteCommand(bot)}\` if needed). Remove with \`${COMMAND} unsubscribe [filter]\`.`
          : `Remove one with \`${COMMAND} unsubscribe <filter>\`, or all with \`${COMMAND} unsubscribe\`.`,
      ),
    ],
  };
}
