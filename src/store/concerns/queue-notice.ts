import type { Db } from '../sql/db.js';
import type { CatchUpNotice, WorkspaceRef } from '../types.js';

/**
 * Queues one notice made outside a registry change-set (a mute's catch-up, a scheduled digest) inside the
 * caller's transaction: its change-set row, then its outbox row. Both are keyed by the notice's id, so
 * queueing it again writes nothing.
 */
export async function queueNotice(
  tx: Db,
  ws: WorkspaceRef,
  channelId: string,
  notice: CatchUpNotice,
  now: number,
): Promise<void> {
  await tx.run(
    `INSERT INTO change_sets (id, snapshot_hash, previous_hash, committed_at) VALUES (@id, @hash, NULL, @now)
     ON CONFLICT (id) DO NOTHING`,
    { id: notice.changeSetId, hash: notice.snapshotHash, now },
  );
  await tx.run(
    `INSERT INTO outbox (change_set_id, team_id, enterprise_id, channel_id, delivery_id, payload_json,
       summary, not_before, created_at, updated_at)
     VALUES (@cs, @teamId, @enterpriseId, @channelId, @deliveryId, @payload, @summary, @now, @now, @now)
     ON CONFLICT (change_set_id, team_id, channel_id) DO NOTHING`,
    {
      cs: notice.changeSetId,
      teamId: ws.teamId,
      enterpriseId: ws.enterpriseId ?? null,
      channelId,
      deliveryId: `${notice.changeSetId}/${ws.teamId}/${channelId}`,
      payload: JSON.stringify(notice.payload),
      summary: notice.summary,
      now,
    },
  );
}
