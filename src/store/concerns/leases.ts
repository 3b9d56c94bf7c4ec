import type { Db } from '../sql/db.js';
import type { LeaseStore } from '../store.js';

/** Named leases over either dialect: an upsert that only takes over an expired lease or renews one's own. */
export function sqlLeases(db: Db, clock: () => number): LeaseStore {
  return {
    acquire: async (name, owner, ttlMs, now = clock()) =>
      (
        await db.all(
          `INSERT INTO leases (name, owner, until) VALUES (@name, @owner, @until)
           ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until
           WHERE leases.until < @now OR leases.owner = excluded.owner
           RETURNING owner`,
          { name, owner, until: now + ttlMs, now },
        )
      ).length === 1,
    release: async (name, owner) => {
      await db.run('DELETE FROM leases WHERE name = @name AND owner = @owner', { name, owner });
    },
  };
}
