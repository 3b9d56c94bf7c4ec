import { DigestRowSchema, parseRow } from '../rows.js';
import type { Db } from '../sql/db.js';
import type { DigestStore } from '../store.js';
import type { DigestState } from '../types.js';
import { queueNotice } from './queue-notice.js';

const toDigest = (row: unknown): DigestState => parseRow(DigestRowSchema, 'digests', row);
const JOINED = `SELECT s.*, d.tz, d.next_at, d.baseline_json FROM digests d
  JOIN subscriptions s ON s.id = d.subscription_id`;

/** Digests over either dialect. `clock` is the store's. */
export function sqlDigests(db: Db, clock: () => number): DigestStore {
  return {
    plan: async (subscription, input) => {
      await db.run(
        `INSERT INTO digests (subscription_id, team_id, channel_id, tz, next_at, baseline_json)
         VALUES (@id, @teamId, @channelId, @tz, @nextAt, @baseline)
         ON CONFLICT (subscription_id) DO UPDATE SET tz = excluded.tz, next_at = excluded.next_at,
           baseline_json = excluded.baseline_json`,
        {
          id: subscription.id,
          teamId: subscription.workspace.teamId,
          channelId: subscription.channelId,
          tz: input.tz,
          nextAt: input.nextAt,
          baseline: JSON.stringify(input.baseline),
        },
      );
    },
    drop: async (subscriptionId) => {
      await db.run('DELETE FROM digests WHERE subscription_id = @id', { id: subscriptionId });
    },
    get: async (subscriptionId) => {
      const row = await db.get(`${JOINED} WHERE d.subscription_id = @id`, { id: subscriptionId });
      return row === undefined ? undefined : toDigest(row);
    },
    due: async (limit, now = clock()) =>
      (
        await db.all(
          `${JOINED} WHERE d.next_at <= @now AND s.active = 1 ORDER BY d.next_at, d.subscription_id LIMIT @limit`,
          {
            now,
            limit: Math.max(0, Math.floor(limit)),
          },
        )
      ).map(toDigest),
    advance: (subscriptionId, fromNextAt, next, notice, now = clock()) =>
      db.transaction(async (tx) => {
        const moved = await tx.run(
          `UPDATE digests SET next_at = @nextAt, baseline_json = @baseline
           WHERE subscription_id = @id AND next_at = @from`,
          {
            id: subscriptionId,
            from: fromNextAt,
            nextAt: next.nextAt,
            baseline: JSON.stringify(next.baseline),
          },
        );
        if (moved !== 1 || !notice) return moved === 1;
        const row = await tx.get(`${JOINED} WHERE d.subscription_id = @id`, { id: subscriptionId });
        if (row === undefined) return true;
        const { subscription } = toDigest(row);
        await queueNotice(tx, subscription.workspace, subscription.channelId, notice, now);
        return true;
      }, 'commit'),
  };
}
