import { findCategory } from '../registry/query/category-match.js';
import type { Registry } from '../registry/schema.js';
import type { FilterRequest, Intent, ScheduleRequest } from './intent.js';
import { stateWord } from './state-word.js';
import { FILLER_WORDS } from './vocabulary.js';

/** Words around a subscription's subject: "subscribe me to vault", "notify us about dapr changes". */
const AROUND_SUBJECT = new Set([
  'me',
  'us',
  'this',
  'channel',
  'the',
  'to',
  'from',
  'about',
  'for',
  'on',
  'of',
  'when',
  'whenever',
  'if',
  'changes',
  'change',
  'changed',
  'updates',
  'update',
  'notifications',
  'notification',
  'notices',
  'notice',
  'alerts',
  'please',
  'pls',
  'in',
  'is',
  'are',
  'gets',
  'get',
]);
const SUBSCRIBE = new Set(['subscribe', 'follow', 'watch']);
// `mute` is not here: it silences a channel for a while (parse-mute), it does not unsubscribe it.
const UNSUBSCRIBE = new Set(['unsubscribe', 'unfollow', 'unwatch']);
/** A schedule named last: `subscribe stable daily`. */
const SCHEDULE_WORDS: Readonly<Record<string, ScheduleRequest>> = {
  daily: 'daily',
  weekly: 'weekly',
  immediately: 'immediately',
  immediate: 'immediately',
  instantly: 'immediately',
};
/** Schedules people ask for that the bot does not offer. */
const NO_SUCH_SCHEDULE = /^(hourly|minutely|monthly|yearly|annually|fortnightly|quarterly|biweekly)$/;
const NOTIFY = new Set(['notify', 'alert', 'ping']);
const NOTICE_NOUNS = new Set([
  'notifications',
  'notification',
  'notices',
  'notice',
  'updates',
  'alerts',
  'subscription',
  'subscriptions',
]);

/**
 * Subscription requests in commands and in plain English: "subscribe me to vault", "notify us about dapr
 * changes", "stop notifications", "what am I subscribed to". Undefined when the text is not about
 * subscriptions. Pure.
 */
export function parseSubscription(words: string[], registry: Registry): Intent | undefined {
  const [head = '', ...rest] = words;
  const subject = rest.filter((w) => !AROUND_SUBJECT.has(w));
  if (
    head === 'subscriptions' ||
    (words.includes('subscribed') &&
      words.every((w) => w === 'subscribed' || FILLER_WORDS.has(w) || AROUND_SUBJECT.has(w)))
  ) {
    return { kind: 'subscriptions' };
  }
  if (
    ['my', 'list', 'show'].includes(head) &&
    rest.length === 1 &&
    (rest[0] === 'subscriptions' || rest[0] === 'notifications')
  ) {
    return { kind: 'subscriptions' };
  }
  if (SUBSCRIBE.has(head) && (head === 'subscribe' || subject.length > 0)) {
    const last = subject.at(-1) ?? '';
    if (NO_SUCH_SCHEDULE.test(last)) return { kind: 'bad-schedule', word: last };
    const schedule = SCHEDULE_WORDS[last];
    if (!schedule) return { kind: 'subscribe', filter: parseFilter(subject, registry) };
    return { kind: 'subscribe', filter: parseFilter(subject.slice(0, -1), registry), schedule };
  }
  if (UNSUBSCRIBE.has(head) || (head === 'stop' && rest.some((w) => NOTICE_NOUNS.has(w)))) {
    const what = subject.filter((w) => !NOTICE_NOUNS.has(w));
    return what.length === 0 || (what.length === 1 && what[0] === 'all')
      ? { kind: 'unsubscribe' }
      : { kind: 'unsubscribe', filter: parseFilter(what, registry) };
  }
  if (NOTIFY.has(head) && (rest[0] === 'me' || rest[0] === 'us' || rest[0] === 'this')) {
    return { kind: 'subscribe', filter: parseFilter(subject, registry) };
  }
  return undefined;
}

export function parseFilter(rest: string[], registry: Registry): FilterRequest {
  const [head = '', ...tail] = rest;
  if (rest.length === 0 || (rest.length === 1 && (head === 'all' || head === 'everything')))
    return { kind: 'all' };
  if (head === 'category' && tail.length > 0) return { kind: 'category', query: tail.join(' ') };
  if (rest.length === 1 && /^promot(ions?|ed|e)$/.test(head)) return { kind: 'promotions' };
  if (rest.length === 1 && /^remov(als?|ed|e)$/.test(head)) return { kind: 'removals' };
  const state = rest.length === 1 ? stateWord(head) : undefined;
  if (state) return { kind: 'state', state };
  const text = rest.join(' ');
  const category = findCategory(registry, text);
  if (category.kind === 'found' && category.via !== 'partial') return { kind: 'category', query: text };
  return { kind: 'feature', query: text };
}
