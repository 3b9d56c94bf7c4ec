import { z } from 'zod';
import { parseRow } from '../rows.js';
import type { Db } from '../sql/db.js';
import type { SendBudgetStore } from '../store.js';
import type { WorkspaceRef } from '../types.js';
import { later, pauseWorkspace } from './pauses.js';
import {
  type BudgetPolicy,
  type BudgetState,
  decideSlots,
  type HeldSlot,
  learnBudget,
  liveBudget,
  releaseOf,
} from './send-budget-rule.js';

/** PostgreSQL advisory lock namespace of the per-workspace send ledger (the other locks use 0x05f0b07). */
const SEND_LOCK_NAMESPACE = 0x05f0b08;

const StateRow = z.object({
  budget: z.number().int().nullable(),
  last_429: z.number().int().nullable(),
  learn_at: z.number().int().nullable(),
  paused_until: z.number().int().nullable(),
});
const HeldRow = z.object({ release_at: z.number().int(), finished: z.union([z.literal(0), z.literal(1)]) });
const CountRow = z.object({ n: z.number().int() });

const STATE = `SELECT
    (SELECT budget FROM send_budget WHERE team_id = @teamId) AS budget,
    (SELECT last_429 FROM send_budget WHERE team_id = @teamId) AS last_429,
    (SELECT learn_at FROM send_budget WHERE team_id = @teamId) AS learn_at,
    (SELECT not_before FROM workspace_pause WHERE team_id = @teamId) AS paused_until`;

const orUndefined = (v: number | null): number | undefined => v ?? undefined;
const stateOf = (row: z.infer<typeof StateRow>): BudgetState => ({
  budget: orUndefined(row.budget),
  last429: orUndefined(row.last_429),
});

/**
 * Counts a pending 429's window, once every post that started in it has finished: the posts delivered that
 * started in the window before the 429 are what Slack let through. Returns the budget now in force.
 */
async function settleLearning(
  tx: Db,
  ws: WorkspaceRef,
  row: z.infer<typeof StateRow>,
  policy: BudgetPolicy,
  now: number,
): Promise<number | undefined> {
  const state = stateOf(row);
  if (row.learn_at === null || now < row.learn_at + policy.windowMs) return liveBudget(state, now, policy);
  // A post of that window still waiting for its answer may yet prove delivered: count once none is.
  const unanswered = parseRow(
    CountRow,
    'send_slots',
    await tx.get(
      `SELECT count(*) AS n FROM send_slots WHERE team_id = @teamId AND finished = 0
         AND started_at <= @to AND release_at > @now`,
      { teamId: ws.teamId, to: row.learn_at, now },
    ),
  ).n;
  if (unanswered > 0) return liveBudget(state, now, policy);
  const delivered = parseRow(
    CountRow,
    'send_slots',
    await tx.get(
      `SELECT count(*) AS n FROM send_slots WHERE team_id = @teamId AND delivered = 1
         AND started_at > @from AND started_at <= @to`,
      { teamId: ws.teamId, from: row.learn_at - policy.windowMs, to: row.learn_at },
    ),
  ).n;
  const budget = learnBudget(liveBudget(state, row.learn_at, policy), delivered, policy);
  await tx.run(
    'UPDATE send_budget SET budget = @budget, learn_at = NULL WHERE team_id = @teamId AND learn_at = @learnAt',
    { teamId: ws.teamId, budget: budget ?? null, learnAt: row.learn_at },
  );
  return liveBudget({ ...state, budget }, now, policy);
}

/**
 * The workspace has nothing that limits a post: no pause, no live budget, no 429 whose window is due to be
 * counted, and room under the cap of posts out at once while no budget is known. Checked in the same
 * statement that inserts, so no state is read apart (a race between replicas can only overshoot the cap).
 */
const OPEN = `NOT EXISTS (SELECT 1 FROM workspace_pause w WHERE w.team_id = @teamId AND w.not_before > @now)
  AND NOT EXISTS (SELECT 1 FROM send_budget b WHERE b.team_id = @teamId
    AND ((b.budget IS NOT NULL AND b.last_429 >= @forgetBefore) OR (b.learn_at IS NOT NULL AND b.learn_at <= @learnDue)))
  AND (SELECT count(*) FROM send_slots s WHERE s.team_id = @teamId AND s.finished = 0 AND s.release_at > @now)
    + @wanted <= @probe`;

/**
 * Slots for posts starting at `now`, each counting until released (or holdMs, if its taker dies); with
 * `condition`, only if it holds. Returns how many were inserted.
 */
async function insertSlots(
  db: Db,
  ws: WorkspaceRef,
  ids: readonly string[],
  policy: BudgetPolicy,
  now: number,
  condition = 'TRUE',
): Promise<number> {
  if (ids.length === 0) return 0;
  const params: Record<string, string | number> = {
    teamId: ws.teamId,
    now,
    until: now + policy.holdMs,
    forgetBefore: now - policy.forgetAfterMs,
    learnDue: now - policy.windowMs,
    wanted: ids.length,
    probe: policy.probeInFlight,
  };
  const values = ids.map((id, i) => {
    params[`id${i}`] = id;
    return `(CAST(@id${i} AS TEXT))`;
  });
  // VALUES names its one column column1 in both dialects.
  return db.run(
    `INSERT INTO send_slots (id, team_id, started_at, release_at, finished, delivered)
     SELECT column1, @teamId, @now, @until, 0, 0 FROM (VALUES ${values.join(', ')}) AS v WHERE ${condition}`,
    params,
  );
}

/**
 * Replicas taking slots of one workspace, or recording its 429s, queue here; other workspaces go on. On
 * SQLite every write transaction is serialised already.
 */
async function lockWorkspace(tx: Db, ws: WorkspaceRef): Promise<void> {
  if (tx.dialect !== 'postgres') return;
  await tx.get('SELECT pg_advisory_xact_lock(@ns, hashtext(@teamId)) AS locked', {
    ns: SEND_LOCK_NAMESPACE,
    teamId: ws.teamId,
  });
}

/** The shared send ledger over either dialect. `clock` is the store's. */
export function sqlSendBudget(db: Db, clock: () => number): SendBudgetStore {
  const trimmedAt = new Map<string, number>();
  /**
   * Deletes the workspace's slots that stopped counting a while ago, at most once a window per workspace
   * from this handle. They are kept for a while because a 429's window is counted up to a window after it.
   */
  const trimNow = async (ws: WorkspaceRef, policy: BudgetPolicy, now: number): Promise<void> => {
    if (now - (trimmedAt.get(ws.teamId) ?? Number.NEGATIVE_INFINITY) < policy.windowMs) return;
    trimmedAt.set(ws.teamId, now);
    await db.run('DELETE FROM send_slots WHERE team_id = @teamId AND release_at < @cutoff', {
      teamId: ws.teamId,
      cutoff: now - policy.forgetAfterMs,
    });
  };
  return {
    take: async (ws, ids, policy, now = clock()) => {
      if (ids.length === 0) return { granted: 0 };
      await trimNow(ws, policy, now);
      // No budget, no pause, no 429 to count: every post may start, with no lock (the common case).
      const open = await insertSlots(db, ws, ids, policy, now, OPEN);
      if (open === ids.length) return { granted: open };
      return db.transaction(async (tx) => {
        await lockWorkspace(tx, ws);
        const row = parseRow(StateRow, 'send_budget', await tx.get(STATE, { teamId: ws.teamId }));
        const budget = await settleLearning(tx, ws, row, policy, now);
        const held: HeldSlot[] = (
          await tx.all(
            'SELECT release_at, finished FROM send_slots WHERE team_id = @teamId AND release_at > @now',
            { teamId: ws.teamId, now },
          )
        ).map((r) => {
          const slot = parseRow(HeldRow, 'send_slots', r);
          return { releaseAt: slot.release_at, finished: slot.finished === 1 };
        });
        const grant = decideSlots(budget, orUndefined(row.paused_until), held, ids.length, now, policy);
        await insertSlots(tx, ws, ids.slice(0, grant.granted), policy, now);
        return grant;
      });
    },
    release: async (ws, id, delivered, policy, now = clock()) => {
      if (delivered) {
        await db.run(
          `UPDATE send_slots SET finished = 1, delivered = 1, release_at = @releaseAt
           WHERE id = @id AND team_id = @teamId`,
          { id, teamId: ws.teamId, releaseAt: releaseOf(now, policy) },
        );
      } else {
        // Slack did not count it (a 429, an error before it arrived, or an answer we cannot vouch for).
        await db.run('DELETE FROM send_slots WHERE id = @id AND team_id = @teamId', {
          id,
          teamId: ws.teamId,
        });
      }
    },
    rateLimited: (ws, until, policy, now = clock()) =>
      db.transaction(async (tx) => {
        await lockWorkspace(tx, ws);
        await pauseWorkspace(tx, ws.teamId, until);
        // A budget forgotten by now is dropped rather than revived by this 429's time.
        await tx.run(
          `INSERT INTO send_budget (team_id, budget, last_429, learn_at) VALUES (@teamId, NULL, @now, @now)
           ON CONFLICT (team_id) DO UPDATE SET
             budget = CASE WHEN send_budget.last_429 < @forgetBefore THEN NULL ELSE send_budget.budget END,
             last_429 = ${later('send_budget', 'last_429')},
             learn_at = COALESCE(send_budget.learn_at, excluded.learn_at)`,
          { teamId: ws.teamId, now, forgetBefore: now - policy.forgetAfterMs },
        );
      }),
    budget: async (ws, policy, now = clock()) => {
      const row = parseRow(StateRow, 'send_budget', await db.get(STATE, { teamId: ws.teamId }));
      return liveBudget(stateOf(row), now, policy);
    },
  };
}
