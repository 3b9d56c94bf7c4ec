import type { PolicyField, StateName } from '../registry/schema.js';
import { SETTINGS_INTENT_KINDS, type SettingsIntent } from './settings-intent.js';

/** What a subscription asks for, before a feature or category name is resolved against the registry. */
export type FilterRequest =
  | { kind: 'all' }
  | { kind: 'feature'; query: string }
  | { kind: 'category'; query: string }
  | { kind: 'state'; state: StateName }
  | { kind: 'promotions' }
  | { kind: 'removals' };

/** A yes/no question about a feature: "is vault stable?", "is dapr production ready?". */
export type StateAsk = { kind: 'state'; state: StateName } | { kind: 'production' };

/** What a meta-question asks about the bot itself: the release its data describes, or where the data comes from. */
export type AboutTopic = 'release' | 'source';

/** When a subscription's notices go out: at each change (the default), or as a digest at 09:00. */
export type ScheduleRequest = 'immediately' | 'daily' | 'weekly';

/** Everything a person can ask, whether typed after /osm-feature, in a mention, in a DM or in the CLI. */
export type Intent =
  | { kind: 'help' }
  /** One or more features; `ask` makes it a yes/no question, `aspect` asks one promise of its state. */
  | { kind: 'feature'; query: string; release?: string; ask?: StateAsk; aspect?: PolicyField }
  | { kind: 'state'; state: StateName; negate?: boolean; release?: string }
  | { kind: 'categories' }
  | { kind: 'list'; release?: string }
  | { kind: 'category'; query: string; state?: StateName; negate?: boolean; release?: string }
  /** Features named alike that are not a category: "SMI features", "certificate providers", "helm". */
  | { kind: 'group'; words: string[]; state?: StateName; negate?: boolean; release?: string }
  | { kind: 'count'; of: ListIntent }
  | { kind: 'policy'; state: StateName; aspect?: PolicyField }
  /** One promise compared across the three states: "which states are enabled by default?". */
  | { kind: 'aspect'; aspect: PolicyField }
  | { kind: 'about'; topic: AboutTopic }
  /** A question in another language: answered, in English, with help. */
  | { kind: 'foreign' }
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

/** Intents answered with a list of features. */
export type ListIntent = Extract<Intent, { kind: 'state' | 'list' | 'category' | 'group' }>;

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
