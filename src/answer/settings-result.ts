import type { NoticeFormat, SubscribePolicy } from '../intents/settings-intent.js';

/** A recorded change of a setting, as the settings answer lists it. */
export interface SettingHistoryEntry {
  value: string;
  oldValue?: string;
  changedBy: string;
  /** Epoch milliseconds. */
  changedAt: number;
}

/** How one notice to a channel went. */
export type DeliveryStatus = 'sent' | 'reconciled' | 'retrying' | 'pending' | 'failed';

/** One line of a channel's delivery log. */
export interface DeliveryEntry {
  /** When the notice was queued (the registry change), epoch ms. */
  queuedAt: number;
  /** When it was last touched (sent, failed, retried), epoch ms. */
  updatedAt: number;
  /** What changed, in one line; absent for notices an older build queued. */
  summary?: string;
  status: DeliveryStatus;
  /** More than one attempt was needed (or is being made). */
  retried: boolean;
  attempts: number;
  /** Why it failed, or why the last attempt did. */
  error?: string;
  /** The posted message, when Slack gave its link. */
  permalink?: string;
}

/** What a settings or deliveries command did, as data; render/slack words it. */
export type SettingsResult =
  | {
      kind: 'settings';
      subscribePolicy: SubscribePolicy;
      /** The channel's own notice format. */
      format: NoticeFormat;
      /** The last change of the policy, when it was ever changed. */
      history: SettingHistoryEntry[];
      /** The asker may change settings (a workspace admin or owner). */
      askerIsAdmin: boolean;
    }
  | {
      kind: 'setting-changed';
      name: 'subscribe-policy';
      value: SubscribePolicy;
      previous?: string;
      changed: boolean;
    }
  /** Only workspace admins and owners change settings. */
  | { kind: 'setting-refused'; name: 'subscribe-policy'; value: SubscribePolicy }
  | { kind: 'bad-setting'; name: string; value?: string }
  /** users.info did not answer, so who the asker is could not be checked; nothing was changed. */
  | { kind: 'check-failed'; error: string }
  | { kind: 'deliveries'; entries: DeliveryEntry[] }
  /** The delivery log is a channel's: asked where there is none (a DM). */
  | { kind: 'deliveries-need-channel' }
  /** Muted until `until` (epoch ms); `extended` when it was muted already (its catch-up still covers all). */
  | { kind: 'muted'; until: number; extended: boolean }
  | { kind: 'format-changed'; format: NoticeFormat; changed: boolean }
  | { kind: 'unmuted'; wasMuted: boolean }
  /** A mute that cannot be: unreadable (`format`), a bad or past date, or longer than a year. */
  | { kind: 'bad-mute'; text: string; reason: 'format' | 'bad-date' | 'past' | 'too-long' };

/** A channel whose subscriptions were paused, and why. */
export interface PausedChannel {
  channelId: string;
  /** As the pause recorded it: a Slack error (channel_not_found, is_archived) or why the bot paused it. */
  reason: string;
}

/** What a workspace admin sees on Home: how notices went this week, and the channels that stopped getting them. */
export interface AdminOverview {
  sent: number;
  failed: number;
  pending: number;
  paused: PausedChannel[];
}
