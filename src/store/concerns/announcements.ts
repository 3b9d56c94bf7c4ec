import { z } from 'zod';
import type { Announcement } from '../../registry/history/announcement.js';
import { parseJsonAs } from '../../shared/json.js';
import { parseRow, SnapshotRowSchema } from '../rows.js';
import type { Db } from '../sql/db.js';
import type { AnnouncementStore } from '../store.js';

const LAST_ANNOUNCEMENT = 'last_announcement';
const AnnouncementSchema = z.object({
  at: z.number().int().nonnegative(),
  summary: z.string().trim().min(1),
}) satisfies z.ZodType<Announcement>;
const HashRow = z.object({ hash: z.string() });
const ValueRow = z.object({ value: z.string() });

/** The announced snapshot and its change-sets over either dialect. */
export function sqlAnnouncements(db: Db, now: () => number): AnnouncementStore {
  const currentHash = async (tx: Db): Promise<string | undefined> => {
    const row = await tx.get('SELECT hash FROM snapshot WHERE id = 1');
    return row === undefined ? undefined : parseRow(HashRow, 'snapshot', row, 'hash').hash;
  };
  return {
    current: async () => {
      const row = await db.get('SELECT hash, registry_json, announced_at FROM snapshot WHERE id = 1');
      return row === undefined ? undefined : parseRow(SnapshotRowSchema, 'snapshot', row, 'hash');
    },
    currentHash: () => currentHash(db),
    commit: (cs) =>
      db.transaction(async (tx) => {
        if ((await tx.get('SELECT id FROM change_sets WHERE id = @id', { id: cs.changeSetId })) !== undefined)
          return { kind: 'repeat' };
        const current = (await currentHash(tx)) ?? null;
        if (current !== cs.expectedHash) return { kind: 'stale', currentHash: current };
        const t = now();
        await tx.run(
          `INSERT INTO change_sets (id, snapshot_hash, previous_hash, committed_at)
           VALUES (@id, @hash, @previous, @t)`,
          { id: cs.changeSetId, hash: cs.snapshot.hash, previous: current, t },
        );
        await tx.run(
          `INSERT INTO snapshot (id, hash, registry_json, announced_at) VALUES (1, @hash, @json, @t)
           ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, registry_json = excluded.registry_json,
             announced_at = excluded.announced_at`,
          { hash: cs.snapshot.hash, json: JSON.stringify(cs.snapshot.registry), t },
        );
        for (const notice of cs.notices) {
          const { teamId, enterpriseId } = notice.workspace;
          await tx.run(
            `INSERT INTO outbox (change_set_id, team_id, enterprise_id, channel_id, delivery_id, payload_json,
               summary, not_before, created_at, updated_at)
             VALUES (@cs, @teamId, @enterpriseId, @channelId, @deliveryId, @payload, @summary, @t, @t, @t)`,
            {
              cs: cs.changeSetId,
              teamId,
              enterpriseId: enterpriseId ?? null,
              channelId: notice.channelId,
              deliveryId: `${cs.changeSetId}/${teamId}/${notice.channelId}`,
              payload: JSON.stringify(notice.payload),
              summary: notice.summary ?? null,
              t,
            },
          );
        }
        if (cs.announcement) {
          await tx.run(
            `INSERT INTO meta (key, value) VALUES (@key, @value)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
            { key: LAST_ANNOUNCEMENT, value: JSON.stringify(cs.announcement) },
          );
        }
        return { kind: 'committed', queued: cs.notices.length };
      }, 'commit'),
    wasCommitted: async (hash) =>
      (await db.get('SELECT id FROM change_sets WHERE snapshot_hash = @hash', { hash })) !== undefined,
    last: async () => {
      const row = await db.get('SELECT value FROM meta WHERE key = @key', { key: LAST_ANNOUNCEMENT });
      if (row === undefined) return undefined;
      return parseJsonAs(AnnouncementSchema, parseRow(ValueRow, 'meta', row, 'key').value);
    },
  };
}
