import { z } from 'zod';
import { OutboxRowSchema, parseRow } from '../rows.js';
import type { Db, SqlParams } from '../sql/db.js';
import type { OutboxStore } from '../store.js';
import type { OutboxRow, Settlement } from '../types.js';
import { later, pauseWorkspace } from './pauses.js';

const toRow = (row: unknown): OutboxRow => parseRow(OutboxRowSchema, 'outbox', row);
const TallyRow = z.object({ status: z.string(), n: z.number().int() });
const PendingRow = z.object({ n: z.number().int(), oldest: z.number().int().nullable() });

/** How many due rows a claim looks at to find `limit` distinct channels. */
const SCAN_FACTOR = 4;

/** A due row no pause or mute holds back and whose channel has no row out on a live lease. */
const UNBLOCKED = `o.team_id <> ''
    AND NOT EXISTS (SELECT 1 FROM outbox b WHERE b.team_id = o.team_id AND b.channel_id = o.channel_id
      AND b.status = 'sending' AND b.lease_until >= @now)
    AND NOT EXISTS (SELECT 1 FROM channel_pace p WHERE p.team_id = o.team_id AND p.channel_id = o.channel_id
      AND p.not_before > @now)
    AND NOT EXISTS (SELECT 1 FROM workspace_pause w WHERE w.team_id = o.team_id AND w.not_before > @pausedUntil)
    AND NOT EXISTS (SELECT 1 FROM channel_mutes m WHERE m.team_id = o.team_id AND m.channel_id = o.channel_id
      AND m.until > @now)`;

/**
 * Due rows, oldest first, in two queries that each walk an index in order and stop at @scan rows: pending
 * rows through outbox_pending_order (status, created_at, id), and rows whose lease expired (few: at most
 * the rows out on a lease). One query with an OR of both sorted every due pending row on every claim, and
 * a sender claims after each post: a claim cost 8 ms on SQLite and 20-40 ms on PostgreSQL with 5,000 rows
 * pending. The unary plus keeps SQLite's planner off outbox_due (status, not_before) for the pending rows,
 * which would range over not_before and sort; PostgreSQL reads it as the number it is. Legacy rows (no
 * workspace yet) wait until a single-workspace bot adopts them.
 */
const DUE_PENDING = `SELECT o.id, o.team_id, o.channel_id, o.created_at FROM outbox o
  WHERE o.status = 'pending' AND +o.not_before <= @now AND ${UNBLOCKED}
  ORDER BY o.status, o.created_at, o.id LIMIT @scan`;
const DUE_EXPIRED = `SELECT o.id, o.team_id, o.channel_id, o.created_at FROM outbox o
  WHERE o.status = 'sending' AND o.lease_until < @now AND ${UNBLOCKED}
  ORDER BY o.created_at, o.id LIMIT @scan`;

const Candidate = z.object({
  id: z.number().int(),
  team_id: z.string(),
  channel_id: z.string(),
  created_at: z.number().int(),
});
type Candidate = z.infer<typeof Candidate>;

const oldestFirst = (a: Candidate, b: Candidate): number => a.created_at - b.created_at || a.id - b.id;

/**
 * Takes the chosen rows in one statement. A row taken over after its lease expired may already be in Slack:
 * it comes back uncertain.
 */
const take = (ids: readonly number[]): { sql: string; params: Record<string, number> } => {
  const params: Record<string, number> = {};
  const names = ids.map((id, i) => {
    params[`id${i}`] = id;
    return `@id${i}`;
  });
  return {
    sql: `UPDATE outbox SET
    uncertain = CASE WHEN status = 'sending' THEN 1 ELSE uncertain END,
    status = 'sending', lease_owner = @worker, lease_until = @until, attempts = attempts + 1,
    first_attempt_at = COALESCE(first_attempt_at, @now), updated_at = @now
  WHERE id IN (${names.join(', ')}) RETURNING *`,
    params,
  };
};

function settleParams(settlement: Settlement): SqlParams {
  switch (settlement.kind) {
    case 'sent':
      return {
        status: 'sent',
        ts: settlement.ts,
        error: null,
        notBefore: null,
        uncertain: 0,
        transient: 0,
        outcome: settlement.reconciled ? 'reconciled' : 'posted',
      };
    case 'retry':
      return {
        status: 'pending',
        ts: null,
        error: settlement.error,
        notBefore: settlement.notBefore,
        uncertain: settlement.uncertain ? 1 : 0,
        transient: settlement.transient ? 1 : 0,
        outcome: null,
      };
    case 'failed':
      return {
        status: 'failed',
        ts: null,
        error: settlement.error,
        notBefore: null,
        uncertain: 0,
        transient: 0,
        outcome: null,
      };
  }
}

/** The outbox over either dialect: leases, settlement by the lease holder, shared pacing. */
export function sqlOutbox(db: Db, clock: () => number): OutboxStore {
  return {
    claim: ({ worker, leaseMs, limit, now = clock(), pauseAheadMs = 0 }) => {
      if (!(limit >= 1)) return Promise.resolve([]);
      return db.transaction(async (tx) => {
        const lockRows = tx.dialect === 'postgres' ? ' FOR UPDATE OF o SKIP LOCKED' : '';
        // Right after a commit the table's statistics still describe it without the new rows, and
        // PostgreSQL plans a sort of every pending row; walking the index in order stops at @scan rows.
        if (tx.dialect === 'postgres') await tx.run('SET LOCAL enable_sort = off');
        const params = { now, pausedUntil: now + pauseAheadMs, scan: Math.floor(limit) * SCAN_FACTOR };
        const due = async (sql: string) =>
          (await tx.all(sql + lockRows, params)).map((r) => parseRow(Candidate, 'outbox', r));
        const candidates = [...(await due(DUE_EXPIRED)), ...(await due(DUE_PENDING))].sort(oldestFirst);
        const channels = new Set<string>();
        const chosen: number[] = [];
        for (const c of candidates) {
          const channel = `${c.team_id}/${c.channel_id}`;
          if (channels.has(channel)) continue;
          channels.add(channel);
          chosen.push(c.id);
          if (chosen.length >= limit) break;
        }
        if (chosen.length === 0) return [];
        const { sql, params: ids } = take(chosen);
        const taken = (await tx.all(sql, { ...ids, worker, until: now + leaseMs, now })).map(toRow);
        return taken.sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
      }, 'claim');
    },
    renew: async (claim, worker, leaseMs, now = clock()) =>
      // Every claim counts an attempt, so the count tells this claim from a later one by the same worker.
      (await db.run(
        `UPDATE outbox SET lease_until = @until, updated_at = @now
         WHERE id = @id AND status = 'sending' AND lease_owner = @worker AND attempts = @attempts`,
        { id: claim.id, attempts: claim.attempts, worker, until: now + leaseMs, now },
      )) === 1,
    settle: (id, worker, settlement, pacing = {}, now = clock()) =>
      db.transaction(async (tx) => {
        const p = settleParams(settlement);
        const changed = await tx.run(
          `UPDATE outbox SET status = @status, slack_ts = COALESCE(@ts, slack_ts), last_error = @error,
             not_before = COALESCE(@notBefore, not_before), uncertain = @uncertain,
             transient_failures = transient_failures + @transient, outcome = @outcome,
             lease_owner = NULL, lease_until = NULL, updated_at = @now
           WHERE id = @id AND status = 'sending' AND lease_owner = @worker`,
          { ...p, id, worker, now },
        );
        if (changed !== 1) return false;
        if (pacing.channelNotBefore !== undefined || pacing.workspaceNotBefore !== undefined) {
          const row = toRow(await tx.get('SELECT * FROM outbox WHERE id = @id', { id }));
          const teamId = row.workspace.teamId;
          if (pacing.channelNotBefore !== undefined) {
            await tx.run(
              `INSERT INTO channel_pace (team_id, channel_id, not_before) VALUES (@teamId, @channelId, @at)
               ON CONFLICT (team_id, channel_id) DO UPDATE SET not_before = ${later('channel_pace')}`,
              { teamId, channelId: row.channelId, at: pacing.channelNotBefore },
            );
          }
          if (pacing.workspaceNotBefore !== undefined)
            await pauseWorkspace(tx, teamId, pacing.workspaceNotBefore);
        }
        return true;
      }),
    rows: async (filter = {}) =>
      (
        await db.all(
          `SELECT * FROM outbox WHERE (CAST(@status AS TEXT) IS NULL OR status = @status)
             AND (CAST(@cs AS TEXT) IS NULL OR change_set_id = @cs) AND (CAST(@teamId AS TEXT) IS NULL OR team_id = @teamId)
             AND (CAST(@channelId AS TEXT) IS NULL OR channel_id = @channelId)
           ORDER BY id`,
          {
            status: filter.status ?? null,
            cs: filter.changeSetId ?? null,
            teamId: filter.workspace?.teamId ?? null,
            channelId: filter.channelId ?? null,
          },
        )
      ).map(toRow),
    pending: async () => {
      const row = parseRow(
        PendingRow,
        'outbox',
        await db.get(
          "SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE status IN ('pending', 'sending')",
        ),
      );
      return { count: row.n, ...(row.oldest === null ? {} : { oldestCreatedAt: row.oldest }) };
    },
    dropPending: (ws, reason) =>
      // Kept as failed rather than deleted: the delivery log still says what was not sent, and why.
      db.run(
        `UPDATE outbox SET status = 'failed', last_error = @reason, lease_owner = NULL, lease_until = NULL,
           updated_at = @now WHERE team_id = @teamId AND status IN ('pending', 'sending')`,
        { teamId: ws.teamId, reason, now: clock() },
      ),
    recent: async (ws, channelId, limit) =>
      (
        await db.all(
          `SELECT * FROM outbox WHERE team_id = @teamId AND channel_id = @channelId ORDER BY id DESC LIMIT @limit`,
          { teamId: ws.teamId, channelId, limit: Math.max(0, Math.floor(limit)) },
        )
      ).map(toRow),
    tally: async (ws, sinceMs) => {
      const rows = (
        await db.all(
          `SELECT status, count(*) AS n FROM outbox WHERE team_id = @teamId
             AND (status IN ('pending', 'sending') OR updated_at >= @since)
           GROUP BY status`,
          { teamId: ws.teamId, since: sinceMs },
        )
      ).map((r) => parseRow(TallyRow, 'outbox', r, 'status'));
      const count = (...statuses: string[]): number =>
        rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + r.n, 0);
      return { sent: count('sent'), failed: count('failed'), pending: count('pending', 'sending') };
    },
  };
}
