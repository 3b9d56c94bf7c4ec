import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { parseDatabaseUrl } from './database-url.js';
import { applySqliteMigrations } from './migrations/apply-sqlite.js';
import { MIGRATIONS } from './migrations/index.js';
import {
  type ChangeSetInput,
  canonicalFilterKey,
  HomePrefsRowSchema,
  type OutboxRow,
  OutboxRowSchema,
  parseRow,
  SnapshotRowSchema,
  type Store,
  StoreError,
  type Subscription,
  SubscriptionRowSchema,
} from './store.js';

/** The SQLite store, plus its handle for start-up checks and tests. */
export interface SqliteStore extends Store {
  /** Absolute path of the database file, or ':memory:'. */
  readonly filename: string;
  readonly db: Database.Database;
}

const CountSchema = z.object({ n: z.number().int() });
const StatusSchema = z.object({ status: z.string() });
const UserIdSchema = z.object({ user_id: z.string() });
const MetaSchema = z.object({ key: z.string(), value: z.string() });

/**
 * Opens (creating folder and file if missing) and migrates the SQLite store named by a DATABASE_URL:
 * `sqlite:var/osm-feature-bot.db` (relative to the cwd), `sqlite:/abs/path.db` or `sqlite::memory:`.
 * `opts.now` is the clock for every timestamp the store writes (default Date.now).
 */
export function openSqliteStore(url: string, opts: { now?: () => number } = {}): SqliteStore {
  const clock = opts.now ?? Date.now;
  const location = parseDatabaseUrl(url);
  const filename = location.filename === ':memory:' ? ':memory:' : path.resolve(location.filename);
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(filename), { recursive: true });
  const db = new Database(filename);
  try {
    // WAL lets readers run beside the writer; NORMAL is durable in WAL except for the last commits on power
    // loss (never corrupting); busy_timeout rides out a second process holding the write lock.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    applySqliteMigrations(db, MIGRATIONS, clock);
    return createSqliteStore(db, filename, clock);
  } catch (err) {
    db.close();
    throw err;
  }
}

function createSqliteStore(db: Database.Database, filename: string, clock: () => number): SqliteStore {
  const sql = (text: string) => db.prepare(text);
  const q = {
    subByKey: sql('SELECT * FROM subscriptions WHERE channel_id = ? AND filter_key = ?'),
    subById: sql('SELECT * FROM subscriptions WHERE id = ?'),
    insertSub: sql(`INSERT INTO subscriptions (channel_id, filter_key, created_by, created_at, source)
      VALUES (@channelId, @filterKey, @createdBy, @createdAt, @source)`),
    reactivateSub: sql('UPDATE subscriptions SET active = 1, deactivated_reason = NULL WHERE id = ?'),
    deleteSub: sql('DELETE FROM subscriptions WHERE channel_id = ? AND filter_key = ?'),
    deleteChannelSubs: sql('DELETE FROM subscriptions WHERE channel_id = ?'),
    listSubs: sql(`SELECT * FROM subscriptions
      WHERE (@channelId IS NULL OR channel_id = @channelId) AND (@all = 1 OR active = 1)
      ORDER BY created_at, id`),
    deactivate: sql(`UPDATE subscriptions SET active = 0, deactivated_reason = ?
      WHERE channel_id = ? AND active = 1`),
    getSnapshot: sql('SELECT hash, registry_json, announced_at FROM snapshot WHERE id = 1'),
    insertChangeSet: sql(`INSERT INTO change_sets (id, snapshot_hash, committed_at) VALUES (?, ?, ?)
      ON CONFLICT (id) DO NOTHING`),
    upsertSnapshot: sql(`INSERT INTO snapshot (id, hash, registry_json, announced_at) VALUES (1, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, registry_json = excluded.registry_json,
        announced_at = excluded.announced_at`),
    insertOutbox: sql(`INSERT INTO outbox
      (change_set_id, channel_id, payload_json, not_before, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`),
    // One statement, so the select-and-mark is atomic even against another process.
    claim: sql(`UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = @now
      WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND not_before <= @now
        ORDER BY created_at, id LIMIT @limit)
      RETURNING *`),
    sent: sql(`UPDATE outbox SET status = 'sent', slack_ts = ?, updated_at = ?
      WHERE id = ? AND status = 'sending'`),
    attemptTs: sql("UPDATE outbox SET slack_ts = ?, updated_at = ? WHERE id = ? AND status = 'sending'"),
    retry: sql(`UPDATE outbox SET status = 'pending', last_error = ?, not_before = ?, updated_at = ?
      WHERE id = ? AND status = 'sending'`),
    failed: sql(`UPDATE outbox SET status = 'failed', last_error = ?, updated_at = ?
      WHERE id = ? AND status = 'sending'`),
    outboxStatus: sql('SELECT status FROM outbox WHERE id = ?'),
    // Slack already accepted these (ts recorded), so re-sending would post twice.
    finishDelivered: sql(`UPDATE outbox SET status = 'sent', updated_at = ?
      WHERE status = 'sending' AND slack_ts IS NOT NULL`),
    requeue: sql("UPDATE outbox SET status = 'pending', updated_at = ? WHERE status = 'sending'"),
    outboxRows: sql(`SELECT * FROM outbox
      WHERE (@status IS NULL OR status = @status) AND (@changeSetId IS NULL OR change_set_id = @changeSetId)
      ORDER BY id`),
    pendingCount: sql("SELECT count(*) AS n FROM outbox WHERE status = 'pending'"),
    seeEvent: sql('INSERT INTO seen_events (event_id, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    trimEvents: sql('DELETE FROM seen_events WHERE seen_at < ?'),
    getHome: sql('SELECT * FROM home_prefs WHERE user_id = ?'),
    setHome: sql(`INSERT INTO home_prefs (user_id, prefs_json, opened_at) VALUES (?, ?, ?)
      ON CONFLICT (user_id) DO UPDATE SET prefs_json = excluded.prefs_json, opened_at = excluded.opened_at`),
    recentHome: sql('SELECT user_id FROM home_prefs WHERE opened_at >= ? ORDER BY opened_at DESC, user_id'),
    getMeta: sql('SELECT key, value FROM meta WHERE key = ?'),
    setMeta: sql(`INSERT INTO meta (key, value) VALUES (?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
  };

  const toSubscription = (row: unknown): Subscription =>
    parseRow(SubscriptionRowSchema, 'subscriptions', row);
  const toOutboxRow = (row: unknown): OutboxRow => parseRow(OutboxRowSchema, 'outbox', row);

  /** Turns "0 rows changed" into the reason: no such row, or a transition from the wrong status. */
  const expectSending = (changes: number, id: number, action: string): void => {
    if (changes === 1) return;
    const row = q.outboxStatus.get(id);
    if (row === undefined) throw new StoreError('NOT_FOUND', `${action}: no outbox row ${id}`);
    const { status } = parseRow(StatusSchema, 'outbox', row);
    throw new StoreError('BAD_TRANSITION', `${action}: outbox row ${id} is '${status}', expected 'sending'`);
  };

  // Immediate transactions take the write lock up front, so two processes cannot both read "absent" and
  // then race to insert.
  const addTx = db.transaction((input: Parameters<Store['addSubscription']>[0]) => {
    const filterKey = canonicalFilterKey(input.filter);
    const existing = q.subByKey.get(input.channelId, filterKey);
    if (existing !== undefined) {
      const sub = toSubscription(existing);
      if (sub.active) return { subscription: sub, created: false };
      q.reactivateSub.run(sub.id);
      return { subscription: toSubscription(q.subById.get(sub.id)), created: false };
    }
    const { createdBy, channelId, source = 'command' } = input;
    const info = q.insertSub.run({ channelId, filterKey, createdBy, createdAt: clock(), source });
    return { subscription: toSubscription(q.subById.get(info.lastInsertRowid)), created: true };
  });

  const commitTx = db.transaction((cs: ChangeSetInput): number => {
    const now = clock();
    if (q.insertChangeSet.run(cs.changeSetId, cs.snapshot.hash, now).changes === 0) return 0;
    q.upsertSnapshot.run(cs.snapshot.hash, cs.snapshot.registryJson, now);
    for (const notice of cs.notices) {
      q.insertOutbox.run(cs.changeSetId, notice.channelId, notice.payloadJson, now, now, now);
    }
    return cs.notices.length;
  });

  const requeueTx = db.transaction((): number => {
    const now = clock();
    q.finishDelivered.run(now);
    return q.requeue.run(now).changes;
  });

  return {
    filename,
    db,
    addSubscription: (input) => addTx.immediate(input),
    removeSubscription: (channelId, filter) =>
      filter === undefined
        ? q.deleteChannelSubs.run(channelId).changes
        : q.deleteSub.run(channelId, canonicalFilterKey(filter)).changes,
    listSubscriptions: (channelId, opts) =>
      q.listSubs
        .all({ channelId: channelId ?? null, all: opts?.includeInactive ? 1 : 0 })
        .map(toSubscription),
    deactivateChannel: (channelId, reason) => q.deactivate.run(reason, channelId).changes,
    getSnapshot: () => {
      const row = q.getSnapshot.get();
      return row === undefined ? undefined : parseRow(SnapshotRowSchema, 'snapshot', row, 'hash');
    },
    commitChangeSet: (cs) => commitTx.immediate(cs),
    claimDue: (limit, now = clock()) => {
      // SQLite treats a negative LIMIT as "no limit"; a caller asking for nothing gets nothing.
      if (!(limit >= 1)) return [];
      const rows = q.claim.all({ now, limit: Math.floor(limit) }).map(toOutboxRow);
      // RETURNING does not promise an order.
      return rows.sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
    },
    markSent: (id, slackTs) => expectSending(q.sent.run(slackTs, clock(), id).changes, id, 'markSent'),
    markRetry: (id, error, notBefore) =>
      expectSending(q.retry.run(error, notBefore, clock(), id).changes, id, 'markRetry'),
    markFailed: (id, error) => expectSending(q.failed.run(error, clock(), id).changes, id, 'markFailed'),
    recordAttemptTs: (id, slackTs) =>
      expectSending(q.attemptTs.run(slackTs, clock(), id).changes, id, 'recordAttemptTs'),
    requeueInFlight: () => requeueTx.immediate(),
    outboxRows: (filter) =>
      q.outboxRows
        .all({ status: filter?.status ?? null, changeSetId: filter?.changeSetId ?? null })
        .map(toOutboxRow),
    pendingCount: () => parseRow(CountSchema, 'outbox', q.pendingCount.get()).n,
    markEventSeen: (eventId, now = clock()) => q.seeEvent.run(eventId, now).changes === 1,
    trimEvents: (olderThanMs, now = clock()) => q.trimEvents.run(now - olderThanMs).changes,
    getHomePrefs: (userId) => {
      const row = q.getHome.get(userId);
      return row === undefined ? undefined : parseRow(HomePrefsRowSchema, 'home_prefs', row, 'user_id');
    },
    setHomePrefs: (userId, prefsJson, openedAt = clock()) => {
      q.setHome.run(userId, prefsJson, openedAt);
    },
    recentHomeUsers: (sinceMs) =>
      q.recentHome.all(sinceMs).map((row) => parseRow(UserIdSchema, 'home_prefs', row, 'user_id').user_id),
    getMeta: (key) => {
      const row = q.getMeta.get(key);
      return row === undefined ? undefined : parseRow(MetaSchema, 'meta', row, 'key').value;
    },
    setMeta: (key, value) => {
      q.setMeta.run(key, value);
    },
    close: () => {
      if (db.open) db.close();
    },
  };
}
