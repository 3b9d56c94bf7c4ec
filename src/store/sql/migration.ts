import { StoreError, StoreOpenError } from '../errors.js';

/** One schema step. Versions are applied in ascending order and never edited once released. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Throws StoreError BAD_MIGRATIONS unless versions are whole numbers, strictly ascending, above 0. */
export function assertAscending(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new StoreError(
        'BAD_MIGRATIONS',
        `migration "${m.name}" has version ${m.version}; versions must be integers, ascending, above ${previous}`,
      );
    }
    previous = m.version;
  }
}

/** The database was migrated by a newer build than this one. */
export function tooNew(current: number, latest: number): StoreOpenError {
  return new StoreOpenError(
    'SCHEMA_TOO_NEW',
    `the database schema is at version ${current} but this build knows only up to ${latest}; upgrade the app`,
  );
}
