// The store's interface, split by concern into one interface per concern, with the documentation each method's
// callers rely on. Types only: it stays one file so that every implementation and caller reads one contract.
import type { Announcement } from '../registry/history/announcement.js';
import type { HomeFilter } from '../registry/query/feature-filter.js';
import type { Registry } from '../registry/schema.js';
import type { SubscriptionFilter } from '../registry/subscription-filter.js';
import type { BudgetPolicy, SlotGrant } from './concerns/send-budget-rule.js';
import type {
  CatchUpNotice,
  ChangeSetCommit,
  ChannelMute,
  CommitResult,
  DeliveryTally,
  DigestState,
  HomeRecord,
  NewSettingValue,
  NewSubscription,
  OutboxFilter,
  OutboxPending,
  OutboxRow,
  Pacing,
  SettingChange,
  SettingScope,
  Settlement,
  Snapshot,
  StoredSetting,
  Subscription,
  WorkspaceRef,
} from './types.js';

export type { BudgetPolicy, SlotGrant } from './concerns/send-budget-rule.js';
export * from './types.js';

/**
 * Each workspace's chat.postMessage budget, one ledger for every replica: Slack counts a workspace's posts
 * whichever process sends them, so replicas that paced themselves apart would together overshoot it.
 */
export interface SendBudgetStore {
  /**
   * Takes slots for posts starting at `now`, in order of `ids` (the caller's), as many as the budget has
   * free, and says when to ask again for the rest: none while a 429 pauses the workspace, none beyond its
   * learned budget. A pending 429's window is counted here once it has passed.
   */
  take(ws: WorkspaceRef, ids: readonly string[], policy: BudgetPolicy, now?: number): Promise<SlotGrant>;
  /** The post ended: delivered, its slot counts for a window more; not delivered, the slot is freed. */
  release(
    ws: WorkspaceRef,
    id: string,
    delivered: boolean,
    policy: BudgetPolicy,
    now?: number,
  ): Promise<void>;
  /** A 429 answered a post: every replica's posts to the workspace pause until `until`. */
  rateLimited(ws: WorkspaceRef, until: number, policy: BudgetPolicy, now?: number): Promise<void>;
  /** The budget per window in force, if one was learned (for logs and tests). */
  budget(ws: WorkspaceRef, policy: BudgetPolicy, now?: number): Promise<number | undefined>;
}

/** Which channels hear about which changes, per workspace. */
export interface SubscriptionStore {
  /** Idempotent per workspace, channel and filter: the existing one comes back (re-activated), created=false. */
  add(ws: WorkspaceRef, input: NewSubscription): Promise<{ subscription: Subscription; created: boolean }>;
  /** Deletes one filter, or all of the channel's subscriptions without one; returns how many. */
  remove(ws: WorkspaceRef, channelId: string, filter?: SubscriptionFilter): Promise<number>;
  /** Ordered by createdAt, id. Active only unless includeInactive. */
  list(ws: WorkspaceRef, query?: { channelId?: string; includeInactive?: boolean }): Promise<Subscription[]>;
  /** Every workspace's active subscriptions: what a change-set is routed to. */
  listActive(): Promise<
    Subscription[]
  > /** Marks the channel's active subscriptions inactive (the bot was removed, the channel archived). */;
  deactivateChannel(ws: WorkspaceRef, channelId: string, reason: string): Promise<number>;
  /** Pauses every active subscription of the workspace (the app was uninstalled); returns how many. */
  deactivateWorkspace(ws: WorkspaceRef, reason: string): Promise<number>;
  /** Resumes the workspace's subscriptions paused for `reason` (a re-install); returns how many. */ reactivateWorkspace(
    ws: WorkspaceRef,
    reason: string,
  ): Promise<number>;
  /** The workspaces with subscriptions paused for `reason` (an organisation's, on its re-install). */
  pausedWorkspaces(reason: string): Promise<WorkspaceRef[]>;
}

/** The announced registry and the change-sets that moved it. Not per workspace: the registry is global. */
export interface AnnouncementStore {
  current(): Promise<Snapshot | undefined>;
  /** The current snapshot's hash only: a cheap "has anyone committed since?". */
  currentHash(): Promise<string | undefined>;
  /**
   * Writes the new snapshot and one outbox row per notice in ONE transaction, only if the snapshot is still
   * the one the change-set was diffed from (compare-and-set); a change-set id seen before writes nothing.
   */
  commit(cs: ChangeSetCommit): Promise<CommitResult>;
  /** Whether a registry with this hash was ever committed (an older version seen again). */
  wasCommitted(hash: string): Promise<boolean>;
  /** The last change-set that announced something, for the Home tab. */
  last(): Promise<Announcement | undefined>;
}

/** The notices to send, claimed under a lease so that several replicas never send one twice. */
export interface OutboxStore {
  /**
   * Takes up to `limit` rows that are due, for `leaseMs`: pending rows whose notBefore has come, and rows
   * whose lease expired (their holder died; they come back `uncertain`). At most one row per channel is
   * out at a time, and channels or workspaces paused by `Pacing` are skipped. Oldest first. A workspace whose
   * pause ends within `pauseAheadMs` is not skipped: its rows wait the rest out in the sender, so that they go
   * the moment it ends instead of after the next look.
   */
  claim(query: {
    worker: string;
    leaseMs: number;
    limit: number;
    now?: number;
    pauseAheadMs?: number;
  }): Promise<OutboxRow[]>;
  /**
   * Extends the lease of one claim (the row as `claim` returned it: its id and attempt count) to `leaseMs`
   * from now, for a post about to start after a long wait; false when that claim is over: another replica,
   * or a later claim by the same worker, took the row after the lease passed.
   */
  renew(
    claim: Pick<OutboxRow, 'id' | 'attempts'>,
    worker: string,
    leaseMs: number,
    now?: number,
  ): Promise<boolean>;
  /** Ends a claim; false (and nothing written) when `worker` no longer holds the row's lease. */
  settle(id: number, worker: string, settlement: Settlement, pacing?: Pacing, now?: number): Promise<boolean>;
  /** Ordered by id. */
  rows(filter?: OutboxFilter): Promise<OutboxRow[]>;
  pending(): Promise<OutboxPending>;
  /** Gives up a workspace's unsent notices (it was uninstalled), keeping them as failed; returns how many. */
  dropPending(ws: WorkspaceRef, reason: string): Promise<number>;
  /** The channel's delivery log: its last `limit` notices, newest first. */
  recent(ws: WorkspaceRef, channelId: string, limit: number): Promise<OutboxRow[]>;
  /** The workspace's notices sent and failed (settled) since `sinceMs`, and those still pending. */
  tally(ws: WorkspaceRef, sinceMs: number): Promise<DeliveryTally>;
}

/** Digests of scheduled subscriptions: due at 09:00 in the subscriber's time zone, each queued once. */
export interface DigestStore {
  /** Plans a scheduled subscription's digests (replacing any plan it had): the first is due at nextAt. */
  plan(subscription: Subscription, input: { tz: string; nextAt: number; baseline: Registry }): Promise<void>;
  /** Forgets a subscription's digests (it went back to 'immediately'). */
  drop(subscriptionId: number): Promise<void>;
  get(subscriptionId: number): Promise<DigestState | undefined>;
  /** Digests of active subscriptions due at `now`, oldest first. */
  due(limit: number, now?: number): Promise<DigestState[]>;
  /**
   * Moves a digest on to its next time and baseline and, in the same transaction, queues its notice (none
   * when nothing the subscription follows changed). False, and nothing written, when another replica moved
   * it first (its nextAt is no longer `fromNextAt`).
   */
  advance(
    subscriptionId: number,
    fromNextAt: number,
    next: { nextAt: number; baseline: Registry },
    notice?: CatchUpNotice,
    now?: number,
  ): Promise<boolean>;
}

/** Channels muted for a while: no notices until the mute ends, then one catch-up notice. */
export interface MuteStore {
  /**
   * Mutes a channel until `until`. A channel already muted keeps its start and baseline (the catch-up still
   * covers everything since it first went quiet); only the end moves.
   */
  mute(
    ws: WorkspaceRef,
    channelId: string,
    input: { until: number; mutedBy: string; baseline: Registry },
    now?: number,
  ): Promise<{ extended: boolean }>;
  /** Ends a mute now (its catch-up follows); false when the channel was not muted. */
  unmute(ws: WorkspaceRef, channelId: string, now?: number): Promise<boolean>;
  /** The channel's mute, also one that ended but whose catch-up is not queued yet. */
  get(ws: WorkspaceRef, channelId: string): Promise<ChannelMute | undefined>;
  /** Every workspace's channels muted at `now` (what a change-set leaves out). */
  active(now?: number): Promise<{ workspace: WorkspaceRef; channelId: string }[]>;
  /** Mutes that have ended, oldest end first, with their baselines. */
  ended(limit: number, now?: number): Promise<ChannelMute[]>;
  /**
   * Closes an ended mute and, in the same transaction, queues its catch-up notice (none when nothing the
   * channel follows changed). False, and nothing written, when another replica closed it first or the
   * channel was muted again meanwhile (its mutedAt moved).
   */
  finish(
    mute: Pick<ChannelMute, 'workspace' | 'channelId' | 'mutedAt'>,
    notice?: CatchUpNotice,
    now?: number,
  ): Promise<boolean>;
}

/** Settings of a workspace (who may subscribe) and of its channels (notice format), with every change kept. */
export interface SettingsStore {
  /** The workspace's own settings, or one channel's, by name. Names never set are absent (their default). */
  list(ws: WorkspaceRef, scope?: SettingScope): Promise<StoredSetting[]>;
  /**
   * Sets one value and records the change (who, when, what it was), in one transaction. Setting the value
   * it already has records nothing: changed=false.
   */
  set(ws: WorkspaceRef, input: NewSettingValue): Promise<{ changed: boolean; previous?: string }>;
  /** Every workspace's channels that set `name`, with their values (what a change-set renders by). */
  channelsWith(name: string): Promise<{ workspace: WorkspaceRef; channelId: string; value: string }[]>;
  /** Recorded changes, newest first: the workspace's own, or one channel's; optionally of one name. */
  changes(ws: WorkspaceRef, query: SettingScope & { name?: string; limit: number }): Promise<SettingChange[]>;
}

/** Slack event ids already handled, so a redelivery (to any replica) is answered once. */
export interface EventStore {
  /** True the first time an event id is seen in a workspace, false for every later delivery. */
  firstSeen(ws: WorkspaceRef, eventId: string, now?: number): Promise<boolean>;
  /** Forgets ids seen more than `olderThanMs` ago; returns how many. */
  trim(olderThanMs: number, now?: number): Promise<number>;
}

/** What each user's Home tab remembers. */
export interface HomeStore {
  get(ws: WorkspaceRef, userId: string): Promise<HomeRecord | undefined>;
  set(ws: WorkspaceRef, userId: string, prefs: HomeFilter, openedAt?: number): Promise<void>;
  /** Users who opened Home at or after `sinceMs`, most recent first, in every workspace. */
  recent(sinceMs: number): Promise<{ workspace: WorkspaceRef; userId: string }[]>;
}

/** Named leases: one holder at a time across replicas (the announcer, a token refresh). */
export interface LeaseStore {
  /** Takes or renews the lease; false while another owner holds it unexpired. */
  acquire(name: string, owner: string, ttlMs: number, now?: number): Promise<boolean>;
  release(name: string, owner: string): Promise<void>;
}

/**
 * One OAuth installation, as stored: what it is keyed by, and the Installation itself, encrypted by the
 * caller (tokens are never stored in plain text). Uninstalled ones are kept, inactive, as a record.
 */
export interface InstallationRecord {
  /** "T:<team>" for a workspace install, "E:<enterprise>" for an org-wide one. */
  key: string;
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
  botUserId?: string;
  /** The id of the key that encrypted `dataEnc`. */
  keyId: string;
  dataEnc: string;
  /** When the bot token expires (token rotation), epoch ms. */
  tokenExpiresAt?: number;
  active: boolean;
  installedAt: number;
  updatedAt: number;
  uninstalledAt?: number;
}

/** The installations table: rows keyed as Slack keys installations. */
export interface InstallationTable {
  /** An install: inserts, or for a re-install updates in place, active again, installedAt now. */
  save(
    record: Omit<InstallationRecord, 'active' | 'installedAt' | 'updatedAt' | 'uninstalledAt'>,
    now?: number,
  ): Promise<void> /**
   * A refreshed token: replaces the encrypted installation of an ACTIVE row only (an uninstall that raced
   * the refresh wins); installedAt is kept. False when the row is not active.
   */;
  updateTokens(
    key: string,
    next: Pick<InstallationRecord, 'keyId' | 'dataEnc' | 'tokenExpiresAt'>,
    now?: number,
  ): Promise<boolean>;
  get(key: string): Promise<InstallationRecord | undefined>;
  /** Marks it uninstalled (kept as a record); false when it was not active. */
  deactivate(key: string, now?: number): Promise<boolean>;
  listActive(): Promise<InstallationRecord[]>;
}

/** The `state` of OAuth installs in progress, each accepted at most once, by any replica. */
export interface OAuthStateStore {
  /** Keeps a state until `expiresAt` (epoch ms), with the install options it carries (JSON); trims expired. */
  issue(stateId: string, optionsJson: string, expiresAt: number, now?: number): Promise<void>;
  /** Takes the state away and returns its options, or undefined when unknown, used or expired. */
  consume(stateId: string, now?: number): Promise<string | undefined>;
}

/** Work acknowledged to Slack but not finished: the request as Slack sent it. */
export interface PendingWork {
  id: number;
  workspace: WorkspaceRef;
  /** What kind of request it is (command, event, action), for logs. */
  kind: string;
  body: Record<string, unknown>;
  /** Times it has been taken (the first process counts as one). */
  attempts: number;
  createdAt: number;
}

/** Acknowledged work in flight: held under a lease, handed to another replica if its holder dies. */
export interface WorkStore {
  /** Holds a request under `worker`'s lease; returns its id. */
  hold(
    ws: WorkspaceRef,
    kind: string,
    body: Record<string, unknown>,
    worker: string,
    leaseMs: number,
    now?: number,
  ): Promise<number>;
  finish(id: number): Promise<void>;
  /** Ends `worker`'s leases at once (a graceful stop that could not finish): another may take them now. */
  handBack(worker: string, now?: number): Promise<number>;
  /** Takes up to `limit` requests whose holder's lease passed. */
  takeExpired(query: {
    worker: string;
    leaseMs: number;
    limit: number;
    now?: number;
  }): Promise<PendingWork[]>;
}

/**
 * The one durable store, split by concern. Every call that touches a workspace's data names the workspace.
 * Asynchronous, so PostgreSQL never blocks the event loop that must ack within 3 s. Times are epoch ms;
 * `now` parameters default to the store's injected clock.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  subscriptions: SubscriptionStore;
  announcements: AnnouncementStore;
  outbox: OutboxStore;
  sendBudget: SendBudgetStore;
  events: EventStore;
  homes: HomeStore;
  leases: LeaseStore;
  work: WorkStore;
  installations: InstallationTable;
  oauthStates: OAuthStateStore;
  settings: SettingsStore;
  mutes: MuteStore;
  digests: DigestStore;
  /**
   * Rows written before the store knew workspaces (an older build) are given to `ws`, the single workspace
   * the bot serves; returns how many rows were adopted.
   */
  adoptLegacyRows(ws: WorkspaceRef): Promise<number>;
  /** Resolves when the store answers a trivial query (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
