import { z } from 'zod';
import { type SubscriptionFilter, SubscriptionFilterSchema } from '../registry/subscription-filter.js';
import { parseJson } from '../shared/json.js';

export type { SubscriptionFilter } from '../registry/subscription-filter.js';

export type SubscriptionSource = 'command' | 'config';
export interface Subscription {
  id: number;
  channelId: string;
  filter: SubscriptionFilter;
  createdBy: string;
  /** Epoch milliseconds. */
  createdAt: number;
  active: boolean;
  source: SubscriptionSource;
  deactivatedReason?: string;
}
export interface Snapshot {
  hash: string;
  registryJson: string;
  announcedAt: number;
}
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export interface OutboxRow {
  id: number;
  changeSetId: string;
  channelId: string;
  payloadJson: string;
  status: OutboxStatus;
  attempts: number;
  lastError?: string;
  notBefore: number;
  slackTs?: string;
  createdAt: number;
  updatedAt: number;
}
export interface HomePrefs {
  userId: string;
  prefsJson: string;
  openedAt: number;
}
export interface ChangeSetInput {
  changeSetId: string;
  snapshot: { hash: string; registryJson: string };
  notices: { channelId: string; payloadJson: string }[];
}

/**
 * The one durable store. Synchronous on purpose: exactly-once delivery is reasoned about as
 * "one call = one transaction", and better-sqlite3 is sync. A Postgres store will wrap this shape.
 * Times are epoch milliseconds; `now` parameters default to the store's injected clock.
 */
export interface Store {
  /** Idempotent per channel+filter: returns the existing row (re-activated if inactive) with created=false. */
  addSubscription(s: {
    channelId: string;
    filter: SubscriptionFilter;
    createdBy: string;
    source?: SubscriptionSource;
  }): { subscription: Subscription; created: boolean };
  /** Deletes one filter, or all of the channel's subscriptions without one (active or not); returns the count. */
  removeSubscription(channelId: string, filter?: SubscriptionFilter): number;
  /** Ordered by createdAt, id. Active only unless includeInactive. */
  listSubscriptions(channelId?: string, opts?: { includeInactive?: boolean }): Subscription[];
  /** Marks the channel's active subscriptions inactive (e.g. bot removed); returns how many changed. */
  deactivateChannel(channelId: string, reason: string): number;
  getSnapshot(): Snapshot | undefined;
  /**
   * Writes the snapshot and one outbox row per notice in ONE transaction; returns rows queued.
   * Idempotent per changeSetId: a repeat inserts nothing, leaves the snapshot alone and returns 0.
   */
  commitChangeSet(cs: ChangeSetInput): number;
  /** Atomically moves due pending rows (notBefore <= now) to 'sending', attempts+1; oldest first. */
  claimDue(limit: number, now?: number): OutboxRow[];
  /** 'sending' → 'sent'. Throws StoreError NOT_FOUND / BAD_TRANSITION otherwise. */
  markSent(id: number, slackTs: string): void;
  /** 'sending' → 'pending' again, not before `notBefore`. */
  markRetry(id: number, error: string, notBefore: number): void;
  /** 'sending' → 'failed' (terminal). */
  markFailed(id: number, error: string): void;
  /** Records Slack's ts while still 'sending', so a crash before markSent cannot cause a repost. */
  recordAttemptTs(id: number, slackTs: string): void;
  /**
   * Start-up recovery of rows left 'sending' by a crash: rows with a recorded slackTs were delivered and
   * become 'sent'; the rest go back to 'pending'. Returns the number put back to 'pending'.
   */
  requeueInFlight(): number;
  /** Ordered by id. */
  outboxRows(filter?: { status?: OutboxStatus; changeSetId?: string }): OutboxRow[];
  /** Rows with status 'pending' (not 'sending'). */
  pendingCount(): number;
  /** True the first time an event id is seen, false on Slack's retries. */
  markEventSeen(eventId: string, now?: number): boolean;
  /** Forgets event ids seen more than `olderThanMs` before now; returns the count. */
  trimEvents(olderThanMs: number, now?: number): number;
  getHomePrefs(userId: string): HomePrefs | undefined;
  setHomePrefs(userId: string, prefsJson: string, openedAt?: number): void;
  /** Users who opened App Home at or after the epoch-ms time `sinceMs`, most recent first. */
  recentHomeUsers(sinceMs: number): string[];
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  close(): void;
}

/** Slack event ids seen, so a redelivered event is dropped (Slack retries a delivery it thinks was lost). */
export interface EventsSeen {
  /** True the first time an event id is seen, false for every later delivery. */
  firstSeen(eventId: string): Promise<boolean>;
}

export type StoreErrorCode =
  | 'CORRUPT_ROW'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'BAD_TRANSITION'
  | 'BAD_MIGRATIONS'
  | 'SCHEMA_TOO_NEW'
  | 'BAD_DATABASE_URL';

/** Expected store failures, told apart by `code`. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

/**
 * The canonical form of a filter, used as its identity (UNIQUE(channel_id, filter_key)).
 * Keys are sorted so `{featureId, kind}` and `{kind, featureId}` are the same subscription.
 * Throws StoreError INVALID_INPUT for a filter the schema rejects.
 */
export function canonicalFilterKey(filter: SubscriptionFilter): string {
  const parsed = SubscriptionFilterSchema.safeParse(filter);
  if (!parsed.success) {
    throw new StoreError('INVALID_INPUT', `invalid subscription filter: ${z.prettifyError(parsed.error)}`);
  }
  // Filters are flat objects of strings, so sorting the top-level keys is a complete canonicalisation.
  const entries = Object.entries(parsed.data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}

// ---- stored rows (snake_case columns, shared by every dialect) ----

const epochMs = z.number().int();
const optionalText = z
  .string()
  .nullable()
  .transform((v) => v ?? undefined);
// SQLite stores booleans as 0/1; Postgres returns real booleans.
const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((v) => v === true || v === 1);
const jsonText = z.string().transform((text, ctx) => {
  const json = parseJson(text);
  if (json.ok) return json.value;
  ctx.addIssue('not valid JSON');
  return z.NEVER;
});

export const SubscriptionRowSchema = z
  .object({
    id: z.number().int(),
    channel_id: z.string().min(1),
    filter_key: jsonText.pipe(SubscriptionFilterSchema),
    created_by: z.string(),
    created_at: epochMs,
    active: flag,
    source: z.enum(['command', 'config']),
    deactivated_reason: optionalText,
  })
  .transform(
    (r): Subscription => ({
      id: r.id,
      channelId: r.channel_id,
      filter: r.filter_key,
      createdBy: r.created_by,
      createdAt: r.created_at,
      active: r.active,
      source: r.source,
      ...(r.deactivated_reason === undefined ? {} : { deactivatedReason: r.deactivated_reason }),
    }),
  );

export const SnapshotRowSchema = z
  .object({ hash: z.string().min(1), registry_json: z.string(), announced_at: epochMs })
  .transform((r): Snapshot => ({ hash: r.hash, registryJson: r.registry_json, announcedAt: r.announced_at }));

export const OutboxRowSchema = z
  .object({
    id: z.number().int(),
    change_set_id: z.string().min(1),
    channel_id: z.string().min(1),
    payload_json: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int().nonnegative(),
    last_error: optionalText,
    not_before: epochMs,
    slack_ts: optionalText,
    created_at: epochMs,
    updated_at: epochMs,
  })
  .transform(
    (r): OutboxRow => ({
      id: r.id,
      changeSetId: r.change_set_id,
      channelId: r.channel_id,
      payloadJson: r.payload_json,
      status: r.status,
      attempts: r.attempts,
      ...(r.last_error === undefined ? {} : { lastError: r.last_error }),
      notBefore: r.not_before,
      ...(r.slack_ts === undefined ? {} : { slackTs: r.slack_ts }),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }),
  );

export const HomePrefsRowSchema = z
  .object({ user_id: z.string().min(1), prefs_json: z.string(), opened_at: epochMs })
  .transform((r): HomePrefs => ({ userId: r.user_id, prefsJson: r.prefs_json, openedAt: r.opened_at }));

/**
 * Parses one row read from `table` through its schema. A row that does not fit (hand-edited, or written
 * by a different build) throws StoreError CORRUPT_ROW naming the table and the row's key.
 */
export function parseRow<S extends z.ZodType>(
  schema: S,
  table: string,
  row: unknown,
  keyColumn = 'id',
): z.output<S> {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const key =
    typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[keyColumn] : undefined;
  throw new StoreError(
    'CORRUPT_ROW',
    `corrupt row in ${table} (${keyColumn} ${String(key)}): ${z.prettifyError(parsed.error)}`,
    { cause: parsed.error },
  );
}
