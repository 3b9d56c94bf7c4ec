import { z } from 'zod';
import { lenientJson, parseRow } from '../rows.js';
import type { Db } from '../sql/db.js';
import type { PendingWork, WorkStore } from '../store.js';

const WorkRow = z
  .object({
    id: z.number().int(),
    team_id: z.string(),
    kind: z.string(),
    body_json: lenientJson(z.record(z.string(), z.unknown())),
    attempts: z.number().int(),
    created_at: z.number().int(),
  })
  .transform((r): PendingWork | undefined =>
    r.body_json === undefined
      ? undefined
      : {
          id: r.id,
          workspace: { teamId: r.team_id },
          kind: r.kind,
          body: r.body_json,
          attempts: r.attempts,
          createdAt: r.created_at,
        },
  );

/** Acknowledged work in flight, over either dialect. */
export function sqlWork(db: Db, clock: () => number): WorkStore {
  return {
    hold: async (ws, kind, body, worker, leaseMs, now = clock()) => {
      const row = await db.get(
        `INSERT INTO pending_work (team_id, kind, body_json, lease_owner, lease_until, created_at)
         VALUES (@teamId, @kind, @body, @worker, @until, @now) RETURNING id`,
        { teamId: ws.teamId, kind, body: JSON.stringify(body), worker, until: now + leaseMs, now },
      );
      return parseRow(z.object({ id: z.number().int() }), 'pending_work', row).id;
    },
    finish: async (id) => {
      await db.run('DELETE FROM pending_work WHERE id = @id', { id });
    },
    handBack: (worker, now = clock()) =>
      db.run('UPDATE pending_work SET lease_until = @now WHERE lease_owner = @worker', { worker, now }),
    takeExpired: ({ worker, leaseMs, limit, now = clock() }) =>
      db.transaction(async (tx) => {
        const rows = await tx.all(
          'SELECT id FROM pending_work WHERE lease_until <= @now ORDER BY created_at, id LIMIT @limit',
          { now, limit },
        );
        const taken: PendingWork[] = [];
        for (const r of rows) {
          const { id } = parseRow(z.object({ id: z.number().int() }), 'pending_work', r);
          const row = await tx.get(
            `UPDATE pending_work SET lease_owner = @worker, lease_until = @until, attempts = attempts + 1
             WHERE id = @id AND lease_until <= @now RETURNING id, team_id, kind, body_json, attempts, created_at`,
            { id, worker, until: now + leaseMs, now },
          );
          if (row === undefined) continue;
          const work = parseRow(WorkRow, 'pending_work', row);
          if (work) taken.push(work);
          else await tx.run('DELETE FROM pending_work WHERE id = @id', { id });
        }
        return taken;
      }, 'claim'),
  };
}
