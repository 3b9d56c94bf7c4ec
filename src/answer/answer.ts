import type { AboutTopic, StateAsk } from '../intents/intent.js';
import type { Change } from '../registry/history/diff.js';
import type { Guarantee } from '../registry/history/guarantee.js';
import type { FeatureGuarantee } from '../registry/history/guarantee-status.js';
import type { FeatureFilter } from '../registry/query/feature-filter.js';
import type {
  Category,
  Feature,
  FeatureNote,
  PolicyField,
  Registry,
  StateName,
  StatePolicy,
} from '../registry/schema.js';
import type { SettingsResult } from './settings-result.js';
import type { SubscriptionResult } from './subscription-result.js';

/** Where an answer comes from: the registry's source and the release it describes (a release view's own). */
export interface AnswerSource {
  name: string;
  url?: string;
  release?: string;
}

/** A feature's card: today's (with since-release and guarantee), or as of a release. */
export interface FeatureCard {
  feature: Feature;
  categoryName: string;
  policy: StatePolicy;
  /** Today's card: the release the feature entered its state in, when the history says. */
  since?: string;
  /** Today's card: what the state's deprecation policy guarantees this feature. */
  guarantee?: Guarantee;
  /** A card asked "as of" a release: that release, and when the feature entered the state it had then. */
  asOf?: { release: string; since?: string };
  /** Notes known at the card's release (no notes from the future). */
  notes: FeatureNote[];
  source: AnswerSource;
}

/** What a list shows: everything, one state (or everything but it), or one category (optionally one state). */
export type ListScope =
  | { kind: 'all' }
  | { kind: 'state'; state: StateName; negate: boolean }
  | { kind: 'category'; category: Category; state?: StateName; negate?: boolean }
  /** Features named alike across categories ("SMI", "certificate providers"); `words` as asked. */
  | { kind: 'group'; words: string[]; state?: StateName; negate?: boolean };

/** A yes/no answer: yes, no, or (asked about production, for a Beta feature) not yet. */
export type VerdictValue = 'yes' | 'no' | 'not-yet';

/** One feature of several named in one question, with its yes/no answer when one was asked. */
export interface SeveralEntry {
  card: FeatureCard;
  verdict?: VerdictValue;
}

export interface FeatureList {
  scope: ListScope;
  /** The release the listed registry describes (today's, or the one asked "as of"). */
  release?: string;
  features: Feature[];
  /** Every category in the registry's order: groups the list and fills its category filter. */
  categories: Category[];
  /** What the listed state promises, for lists of one state. */
  policy?: StatePolicy;
  /** The filter the list's controls start from (its release set when asked "as of"); none for negated lists. */
  filter?: FeatureFilter;
  source: AnswerSource;
}

export interface CategoryCount {
  category: Category;
  total: number;
  counts: Record<StateName, number>;
}

export interface ReleaseEntry {
  name: string;
  date?: string;
  notes?: string;
  current: boolean;
}

/**
 * Everything the bot can answer, as plain data: no text meant for a person and no Block Kit. Each surface
 * renders it (render/slack for Slack, render/terminal for the CLI). Feature, category and policy values are
 * the registry's own objects, shared, never copied.
 */
export type Answer =
  | { kind: 'feature-card'; card: FeatureCard }
  | { kind: 'feature-not-yet'; feature: Feature; release: string; firstRelease: string }
  | { kind: 'feature-no-history'; feature: Feature; release: string }
  /** A yes/no question about a feature: the answer first, then the card as evidence. */
  | { kind: 'verdict'; ask: StateAsk; verdict: VerdictValue; card: FeatureCard }
  /** Several features named in one question, each answered. */
  | { kind: 'several'; entries: SeveralEntry[]; ask?: StateAsk; source: AnswerSource }
  | { kind: 'did-you-mean'; query: string; candidates: Feature[] }
  /** Nothing on the lifecycle page fits; `source` links the page. */
  | { kind: 'not-found'; query: string; suggestions: Feature[]; source?: AnswerSource }
  | { kind: 'feature-list'; list: FeatureList }
  | { kind: 'category-not-found'; query: string; ambiguous: boolean; categories: Category[] }
  | { kind: 'categories'; groups: CategoryCount[]; source: AnswerSource }
  | { kind: 'policy'; state: StateName; policy: StatePolicy; count: number; source: AnswerSource }
  /** One promise (e.g. the deprecation policy) of one state, of a feature's state, or of every state. */
  | {
      kind: 'policy-aspect';
      aspect: PolicyField;
      states: StateName[];
      policies: Registry['states'];
      feature?: Feature;
      source: AnswerSource;
    }
  /** How many features a list holds, with the list itself. */
  | { kind: 'count'; list: FeatureList }
  /** About the bot's data: the release it describes, or where it comes from. */
  | {
      kind: 'about';
      topic: AboutTopic;
      source: AnswerSource;
      releases: ReleaseEntry[];
      featureCount: number;
    }
  | {
      kind: 'states';
      states: Registry['states'];
      counts: Readonly<Record<StateName, number>>;
      /** What the asker called a state that is not one. */
      unknownState?: string;
      source: AnswerSource;
    }
  | { kind: 'releases'; releases: ReleaseEntry[] }
  /** Every feature's guarantee as of the current release, soonest to end first. */
  | { kind: 'guarantees'; release?: string; guarantees: FeatureGuarantee[]; source: AnswerSource }
  | { kind: 'history'; feature: Feature; source: AnswerSource }
  | {
      kind: 'changes';
      from: string;
      to: string;
      changes: Change[];
      /** Today's policies: what each change's new state promises. */
      states: Registry['states'];
      source: AnswerSource;
    }
  | { kind: 'no-releases' }
  | { kind: 'first-release'; release: string }
  | { kind: 'unknown-release'; release: string; known: string[] }
  /** `notEnglish`: the question was in another language; the bot answers in English. */
  | { kind: 'help'; greeting: boolean; featureCount: number; notEnglish?: boolean }
  | { kind: 'thanks' }
  | { kind: 'not-understood'; text: string }
  | { kind: 'subscription-result'; result: SubscriptionResult }
  | { kind: 'settings-result'; result: SettingsResult }
  /** A button or select named a feature (by id) that has since left the registry. */
  | { kind: 'feature-gone'; id?: string }
  /** "Share in channel" worked. */
  | { kind: 'shared'; featureName: string }
  /** A list filter from an old message cannot be applied any more. */
  | { kind: 'stale-filter'; reason: 'unreadable' | 'category-gone' }
  /** A "what does this state promise" button whose value is not a state. */
  | { kind: 'unknown-state-button' };

export type AnswerKind = Answer['kind'];
