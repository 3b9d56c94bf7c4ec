import type pg from 'pg';
import { z } from 'zod';
import { StoreOpenError } from '../../errors.js';
import { assertAscending, type Migration, tooNew } from '../../sql/migration.js';
import { LOCK_KEYS, LOCK_NAMESPACE } from '../pg-db.js';

const VersionRow = z.object({ version: z.number().int().nullable() });

/**
 * Applies the migrations newer than the database's version, each in its own transaction, under a
 * session-level advisory lock: several replicas starting at once migrate once (the others wait, then find
 * nothing to do). Returns how many ran. Throws StoreOpenError SCHEMA_TOO_NEW for a newer database.
 */
export async function applyPostgresMigrations(
  pool: pg.Pool,
  migrations: readonly Migration[],
  now: () => number,
): Promise<number> {
  assertAscending(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, LOCK_KEYS.migrate]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    const row = VersionRow.parse(
      (await client.query('SELECT max(version) AS version FROM schema_migrations')).rows[0],
    );
    const current = row.version ?? 0;
    if (current > latest) throw tooNew(current, latest);
    const pending = migrations.filter((m) => m.version > current);
    for (const m of pending) {
      try {
        await client.query('BEGIN');
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          now(),
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new StoreOpenError(
          'BAD_MIGRATIONS',
          `migration ${m.version} "${m.name}" failed: ${String(err)}`,
          {
            cause: err,
          },
        );
      }
    }
    return pending.length;
  } finally {
    await client
      .query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, LOCK_KEYS.migrate])
      .catch(() => undefined);
    client.release();
  }
}
