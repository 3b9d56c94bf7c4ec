import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreOpenError } from '../errors.js';
import { storeOver } from '../sql-store.js';
import type { Store } from '../store.js';
import { applySqliteMigrations } from './migrations/apply.js';
import { MIGRATIONS } from './migrations/index.js';
import { sqliteDb } from './sqlite-db.js';

/** The SQLite store, plus its file for start-up checks and tests. */
export interface SqliteStore extends Store {
  /** Absolute path of the database file, or ':memory:'. */
  readonly filename: string;
  /** The raw connection, for tests and migration checks. */
  readonly raw: Database.Database;
}

/** What an errno means for a database path, in words a person fixing DATABASE_URL understands. */
const CAUSES: Readonly<Record<string, string>> = {
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'the folder does not exist and cannot be created',
  EISDIR: 'the path is a folder, not a file',
  SQLITE_READONLY: 'the database file is read-only',
  SQLITE_FULL: 'the disk is full',
  SQLITE_NOTADB: 'the file is not a SQLite database',
  SQLITE_CORRUPT: 'the database file is corrupt',
};

function codeOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

/** Why a path cannot hold the database: the errno a plain write in its folder gets, or SQLite's own code. */
function causeOf(err: unknown, filename: string): string {
  const direct = CAUSES[codeOf(err) ?? ''];
  if (direct && codeOf(err) !== 'SQLITE_CANTOPEN') return direct;
  const probe = path.join(path.dirname(filename), `.osm-feature-bot-write-test-${process.pid}`);
  try {
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.rmSync(probe, { force: true });
  } catch (probeErr) {
    return (
      CAUSES[codeOf(probeErr) ?? ''] ?? (probeErr instanceof Error ? probeErr.message : String(probeErr))
    );
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Creates a folder and its missing parents, one level at a time. (Node's recursive mkdir never returns for
 * some paths a plain mkdir refuses, such as one under /proc.)
 */
function ensureFolder(dir: string): void {
  if (fs.existsSync(dir)) return;
  const parent = path.dirname(dir);
  if (parent !== dir) ensureFolder(parent);
  fs.mkdirSync(dir);
}

/**
 * Opens (creating folder and file if missing) and migrates the SQLite store at `filename` (':memory:' for a
 * throwaway one). A path that cannot hold the database throws StoreOpenError naming DATABASE_URL and why.
 * `now` is the clock for every timestamp the store writes.
 */
export async function openSqliteStore(filename: string, now: () => number = Date.now): Promise<SqliteStore> {
  const file = filename === ':memory:' ? ':memory:' : path.resolve(filename);
  let db: Database.Database | undefined;
  try {
    if (file !== ':memory:') ensureFolder(path.dirname(file));
    db = new Database(file);
    // WAL lets readers run beside the writer (and several processes share one file); NORMAL is durable in WAL
    // except for the last commits on power loss (never corrupting); busy_timeout rides out another process
    // holding the write lock.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    applySqliteMigrations(db, MIGRATIONS, now);
  } catch (err) {
    db?.close();
    if (err instanceof StoreOpenError) throw err;
    throw new StoreOpenError('CANNOT_OPEN', `cannot use the SQLite database ${file}: ${causeOf(err, file)}`, {
      cause: err,
    });
  }
  const raw = db;
  return { ...storeOver(sqliteDb(raw, file), now), filename: file, raw };
}
