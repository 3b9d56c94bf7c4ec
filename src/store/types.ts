import type { Announcement } from '../registry/history/announcement.js';
import type { HomeFilter } from '../registry/query/feature-filter.js';
import type { Registry } from '../registry/schema.js';
import type { SubscriptionFilter } from '../registry/subscription-filter.js';
import type { NoticePayload } from './payload.js';

/**
 * The Slack workspace a piece of data belongs to, as Slack keys it: a team, and the Enterprise Grid
 * organisation it is part of, when there is one.
 */
export interface WorkspaceRef {
  teamId: string;
  enterpriseId?: string;
}

export type SubscriptionSource = 'command' | 'config';

export const SCHEDULES = ['immediately', 'daily', 'weekly'] as const;
/** When a subscription's notices go out: at each change, or as one digest a day or a week. */
export type Schedule = (typeof SCHEDULES)[number];

export interface Subscription {
  id: number;
  workspace: WorkspaceRef;
  channelId: string;
  filter: SubscriptionFilter;
  createdBy: string;
  /** Epoch milliseconds. */
  createdAt: number;
  active: boolean;
  source: SubscriptionSource;
  deactivatedReason?: string;
  schedule: Schedule;
}

export interface NewSubscription {
  channelId: string;
  filter: SubscriptionFilter;
  createdBy: string;
  source?: SubscriptionSource;
  /** Default 'immediately'. Given for an existing subscription, it replaces that one's schedule. */
  schedule?: Schedule;
}

/** The last announced registry. `registry` is undefined when the stored one no longer fits the schema. */
export interface Snapshot {
  hash: string;
  registry?: Registry;
  announcedAt: number;
}

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One channel's notice for one change-set. */
export interface OutboxRow {
  id: number;
  changeSetId: string;
  workspace: WorkspaceRef;
  channelId: string;
  /** Carried in the posted message's metadata, so a post whose answer was lost can be found again. */
  deliveryId: string;
  /** What chat.postMessage gets; undefined when the stored payload is corrupt. */
  payload?: NoticePayload;
  status: OutboxStatus;
  /** Claims so far, across every replica and restart. */
  attempts: number;
  /** Transient failures so far (the retry budget is kept with the row, not per process). */
  transientFailures: number;
  lastError?: string;
  /** Not claimed before this time (epoch ms). */
  notBefore: number;
  leaseOwner?: string;
  leaseUntil?: number;
  /**
   * Slack may have the message although we never heard so: an answer was lost, or the replica holding the
   * row died. Checked against the channel's history before it is posted again.
   */
  uncertain: boolean;
  firstAttemptAt?: number;
  slackTs?: string;
  /** How a sent row was settled: posted, or found already posted by reconciliation. */
  outcome?: 'posted' | 'reconciled';
  /** What changed, in one line, for the delivery log (absent on rows an older build wrote). */
  summary?: string;
  createdAt: number;
  updatedAt: number;
}

export interface NoticeInput {
  workspace: WorkspaceRef;
  channelId: string;
  payload: NoticePayload;
  /** What changed, in one line, for the delivery log. */
  summary?: string;
}

/** A change-set to commit: the new snapshot and one notice per channel, written in one transaction. */
export interface ChangeSetCommit {
  changeSetId: string;
  /** The snapshot hash the change-set was diffed from; null when there was none (the first start). */
  expectedHash: string | null;
  snapshot: { hash: string; registry: Registry };
  notices: NoticeInput[];
  /** Recorded for the Home tab when the change-set announced something. */
  announcement?: Announcement;
}

export type CommitResult =
  | { kind: 'committed'; queued: number }
  /** Another writer moved the snapshot since it was read: diff again from the current one. */
  | { kind: 'stale'; currentHash: string | null }
  /** This change-set id was committed before: nothing was written. */
  | { kind: 'repeat' };

/** How a claimed row ends (for now). */
export type Settlement =
  | { kind: 'sent'; ts: string; reconciled?: boolean }
  | {
      kind: 'retry';
      error: string;
      notBefore: number;
      /** Counts against the row's retry budget. */
      transient: boolean;
      /** Slack may have the message: reconcile before posting again. */
      uncertain: boolean;
    }
  | { kind: 'failed'; error: string };

/** Pauses every replica honours: the channel's next post, or the whole workspace's (a 429). */
export interface Pacing {
  channelNotBefore?: number;
  workspaceNotBefore?: number;
}

export interface OutboxFilter {
  status?: OutboxStatus;
  changeSetId?: string;
  workspace?: WorkspaceRef;
  channelId?: string;
}

export interface OutboxPending {
  /** Rows not yet sent or failed. */
  count: number;
  /** createdAt of the oldest of them. */
  oldestCreatedAt?: number;
}

export interface HomeRecord {
  prefs: HomeFilter;
  openedAt: number;
}

export type { Announcement };

/** Where a setting applies: the whole workspace, or one of its channels. */
export interface SettingScope {
  channelId?: string;
}

/** A setting's current value and who set it. */
export interface StoredSetting {
  name: string;
  value: string;
  changedBy: string;
  changedAt: number;
}

/** One recorded change of a setting. */
export interface SettingChange {
  id: number;
  name: string;
  /** The channel the setting belongs to; absent for a workspace-wide one. */
  channelId?: string;
  /** Absent when the setting had never been set (it had its default). */
  oldValue?: string;
  value: string;
  changedBy: string;
  changedAt: number;
}

export interface NewSettingValue extends SettingScope {
  name: string;
  value: string;
  changedBy: string;
}

/** How many notices a workspace's channels were sent, and how many failed, since a time. */
export interface DeliveryTally {
  sent: number;
  failed: number;
  /** Not yet sent or failed. */
  pending: number;
}

/** A channel muted until a time, and the registry its catch-up notice is diffed from. */
export interface ChannelMute {
  workspace: WorkspaceRef;
  channelId: string;
  mutedBy: string;
  /** When the mute began (a longer mute set meanwhile keeps it), epoch ms. */
  mutedAt: number;
  until: number;
  /** The announced registry when the mute began; undefined when it no longer fits the schema. */
  baseline?: Registry;
}

/** The catch-up notice queued when a mute ends. */
export interface CatchUpNotice {
  changeSetId: string;
  /** The snapshot the catch-up was diffed to. */
  snapshotHash: string;
  payload: NoticePayload;
  summary: string;
}

/** A scheduled subscription's digest: when it is next due, and the registry it is diffed from. */
export interface DigestState {
  subscription: Subscription;
  /** The time zone its 09:00 is read in (the subscriber's). */
  tz: string;
  nextAt: number;
  /** The registry when the last digest (or the subscription) was made; undefined when it no longer fits. */
  baseline?: Registry;
}
