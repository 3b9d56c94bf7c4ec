import type { StateName } from '../registry/schema.js';
import { SETTINGS_INTENT_KINDS, type SettingsIntent } from './settings-intent.js';

/** What a subscription asks for, before a feature or category name is resolved against the registry. */
export type FilterRequest =
  | { kind: 'all' }
  | { kind: 'feature'; query: string }
  | { kind: 'category'; query: string }
  | { kind: 'state'; state: StateName }
  | { kind: 'promotions' }
  | { kind: 'removals' };

/** When a subscription's notices go out: at each change (the default), or as a digest at 09:00. */
export type ScheduleRequest = 'immediately' | 'daily' | 'weekly';

/** Everything a person can ask, whether typed after /osm-feature, in a mention, in a DM or in the CLI. */
export type Intent =
  | { kind: 'help' }
  | { kind: 'feature'; query: string; release?: string }
  | { kind: 'state'; state: StateName; negate?: boolean; release?: string }
  | { kind: 'categories' }
  | { kind: 'list'; release?: string }
  | { kind: 'category'; query: string; state?: StateName; release?: string }
  | { kind: 'policy'; state: StateName }
  | { kind: 'states'; unknownState?: string }
  | { kind: 'subscribe'; filter: FilterRequest; schedule?: ScheduleRequest }
  | { kind: 'unsubscribe'; filter?: FilterRequest }
  | { kind: 'subscriptions' }
  | { kind: 'changes'; from?: string; to?: string }
  | { kind: 'history'; query: string }
  | { kind: 'releases' }
  | { kind: 'guarantees' }
  | { kind: 'greeting'; thanks?: boolean }
  | { kind: 'unknown'; text: string }
  | SettingsIntent;

export type IntentKind = Intent['kind'];

/**
 * Intents that manage a channel's subscriptions, or the workspace's settings: they need the store and
 * Slack, not only the registry.
 */
export type SubscriptionIntent =
  | Extract<Intent, { kind: 'subscribe' | 'unsubscribe' | 'subscriptions' }>
  | SettingsIntent;

/** Intents answered from the registry alone. */
export type QuestionIntent = Exclude<Intent, SubscriptionIntent>;

export function isQuestion(intent: Intent): intent is QuestionIntent {
  return (
    intent.kind !== 'subscribe' &&
    intent.kind !== 'unsubscribe' &&
    intent.kind !== 'subscriptions' &&
    !SETTINGS_INTENT_KINDS.has(intent.kind)
  );
}
