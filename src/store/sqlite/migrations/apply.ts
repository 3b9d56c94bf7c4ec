import type Database from 'better-sqlite3';
import { z } from 'zod';
import { StoreOpenError } from '../../errors.js';
import { assertAscending, type Migration, tooNew } from '../../sql/migration.js';

const CurrentVersionSchema = z.object({ version: z.number().int().nullable() });

/**
 * Applies the migrations newer than the database's recorded version, all in ONE immediate transaction:
 * the schema is either fully upgraded or untouched, and a second process opening at the same time waits
 * on the write lock and then sees the new version instead of migrating twice. Returns how many ran.
 * Throws StoreOpenError SCHEMA_TOO_NEW if the database was migrated by a newer build.
 */
export function applySqliteMigrations(
  db: Database.Database,
  migrations: readonly Migration[],
  now: () => number = Date.now,
): number {
  assertAscending(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const run = db.transaction((): number => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
    const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get();
    const current = CurrentVersionSchema.parse(row).version ?? 0;
    if (current > latest) throw tooNew(current, latest);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const pending = migrations.filter((m) => m.version > current);
    for (const m of pending) {
      try {
        db.exec(m.sql);
      } catch (err) {
        // Name the step: a bare "syntax error" at start-up does not say which migration to fix.
        throw new StoreOpenError(
          'BAD_MIGRATIONS',
          `migration ${m.version} "${m.name}" failed: ${String(err)}`,
          {
            cause: err,
          },
        );
      }
      record.run(m.version, m.name, now());
    }
    return pending.length;
  });
  return run.immediate();
}
