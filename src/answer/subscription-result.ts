import type { SubscribePolicy } from '../intents/settings-intent.js';
import type { SubscriptionFilter } from '../registry/subscription-filter.js';

/** A stored filter with the name of what it names (a feature or a category), when that is still known. */
export interface NamedFilter {
  filter: SubscriptionFilter;
  /** The feature's or category's name today; absent when it has left the registry (its id is shown). */
  name?: string;
}

/** One line of a channel's subscription list. */
export interface ListedSubscription {
  filter: NamedFilter;
  /** Who subscribed: a Slack user id (or another name an older build wrote). */
  createdBy: string;
  /** Made by NOTICE_CHANNELS, not by a person. */
  fromConfig: boolean;
  /** Epoch milliseconds. */
  createdAt: number;
  active: boolean;
  deactivatedReason?: string;
  schedule: 'immediately' | 'daily' | 'weekly';
}

/** How the bot is named in "invite me" hints: its name and user id as Slack reports them, when known. */
export interface BotIdentity {
  name?: string;
  userId?: string;
}

/** What a subscription command did, as data; render/slack words it. */
export type SubscriptionResult =
  | {
      kind: 'subscribed';
      filter: NamedFilter;
      state: 'created' | 'existing' | 'resumed';
      /** Set when the bot could not check that it can post in the channel. */
      uncheckedError?: string;
      bot: BotIdentity;
      /** A digest schedule: when the first is due (epoch ms) and the time zone its 09:00 is read in. */
      digest?: { schedule: 'daily' | 'weekly'; nextAt: number; tz: string };
    }
  | { kind: 'invite-needed'; filter: NamedFilter; bot: BotIdentity }
  | { kind: 'archived' }
  | { kind: 'unsubscribed-all'; removed: number; hadConfig: boolean }
  | {
      kind: 'unsubscribed';
      filter: NamedFilter;
      removed: number;
      remaining: NamedFilter[];
      wasConfig: boolean;
    }
  | {
      kind: 'list';
      subscriptions: ListedSubscription[];
      bot: BotIdentity;
      /** The channel is muted until then (epoch ms). */
      mutedUntil?: number;
    }
  | {
      kind: 'ambiguous-filter';
      subject: 'feature' | 'category';
      query: string;
      names: string[];
      verb: 'subscribe' | 'unsubscribe';
    }
  | { kind: 'unknown-category'; query: string; categories: string[] }
  /** A schedule there is none of (`hourly`). */
  | { kind: 'bad-schedule'; word: string }
  /** A subscribe button pressed somewhere that is not a channel. */
  | { kind: 'channel-required' }
  /** The workspace's subscribe policy does not let the asker do this; nothing changed. */
  | { kind: 'not-allowed'; policy: Exclude<SubscribePolicy, 'anyone'>; verb: ChangeVerb }
  /** Who the asker is could not be checked (users.info or conversations.info failed); nothing changed. */
  | { kind: 'permission-unchecked'; verb: ChangeVerb; error: string };

/** What the subscribe policy governs: changing what a channel gets. */
export type ChangeVerb = 'subscribe' | 'unsubscribe' | 'mute' | 'unmute' | 'format';
