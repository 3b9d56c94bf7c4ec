import pg from 'pg';
import { StoreOpenError } from '../errors.js';
import { storeOver } from '../sql-store.js';
import type { Store } from '../store.js';
import { PG_INITIAL } from './migrations/001-initial.js';
import { PG_PENDING_WORK } from './migrations/002-pending-work.js';
import { PG_OAUTH_STATES } from './migrations/003-oauth-states.js';
import { PG_OUTBOX_ORDER } from './migrations/004-outbox-order.js';
import { PG_SETTINGS_AND_DELIVERY_LOG } from './migrations/005-settings-and-delivery-log.js';
import { PG_CHANNEL_MUTES } from './migrations/006-channel-mutes.js';
import { PG_DIGESTS } from './migrations/007-digests.js';
import { PG_SEND_BUDGET } from './migrations/008-send-budget.js';
import { applyPostgresMigrations } from './migrations/apply.js';
import { isConnectionError, pgTypes, postgresDb } from './pg-db.js';

/** Every PostgreSQL migration, in version order. Append new ones; never edit or reorder released ones. */
export const PG_MIGRATIONS = [
  PG_INITIAL,
  PG_PENDING_WORK,
  PG_OAUTH_STATES,
  PG_OUTBOX_ORDER,
  PG_SETTINGS_AND_DELIVERY_LOG,
  PG_CHANNEL_MUTES,
  PG_DIGESTS,
  PG_SEND_BUDGET,
] as const;

export interface PostgresOptions {
  now?: () => number;
  /** Connections in the pool (default 10). */
  max?: number;
  /** How long to wait for a connection, ms (default 5 s). */
  connectTimeoutMs?: number;
  /** Called when an idle connection breaks (a server restart): the pool replaces it by itself. */
  onIdleError?: (err: Error) => void;
}

/** Where a URL points, for messages: never its password. */
function described(url: URL): { host: string; user: string; database: string } {
  return {
    host: `${url.hostname || 'localhost'}:${url.port || '5432'}`,
    user: decodeURIComponent(url.username || 'postgres'),
    database: decodeURIComponent(url.pathname.replace(/^\//, '') || url.username || 'postgres'),
  };
}

/** One line saying why the server could not be used, in words a person fixing DATABASE_URL understands. */
function openFailure(err: unknown, url: URL): StoreOpenError {
  if (err instanceof StoreOpenError) return err;
  const { host, user, database } = described(url);
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  const reasons: Readonly<Record<string, string>> = {
    ECONNREFUSED: `cannot reach the PostgreSQL server at ${host}: connection refused (is it running?)`,
    ENOTFOUND: `cannot reach the PostgreSQL server at ${host}: host not found`,
    EAI_AGAIN: `cannot reach the PostgreSQL server at ${host}: host not found`,
    ETIMEDOUT: `cannot reach the PostgreSQL server at ${host}: host unreachable (timed out)`,
    EHOSTUNREACH: `cannot reach the PostgreSQL server at ${host}: host unreachable`,
    ENETUNREACH: `cannot reach the PostgreSQL server at ${host}: network unreachable`,
    '28P01': `authentication failed for user "${user}" at ${host}`,
    '28000': `authentication failed for user "${user}" at ${host} (not allowed to connect)`,
    '3D000': `database "${database}" does not exist at ${host}`,
    '42501': `user "${user}" may not create the bot's tables in "${database}" (permission denied)`,
  };
  const reason =
    reasons[code] ??
    (isConnectionError(err)
      ? `cannot reach the PostgreSQL server at ${host}: host unreachable (timed out)`
      : `cannot use the PostgreSQL database "${database}" at ${host}: ${err instanceof Error ? err.message : String(err)}`);
  return new StoreOpenError('CANNOT_OPEN', reason, { cause: err });
}

/**
 * Opens a pool on DATABASE_URL (TLS settings such as sslmode come from the URL, as pg reads them), checks
 * that the server answers and migrates it. Any failure is a StoreOpenError naming DATABASE_URL and why.
 */
export async function openPostgresStore(
  connectionString: string,
  opts: PostgresOptions = {},
): Promise<Store> {
  const url = new URL(connectionString);
  const pool = new pg.Pool({
    connectionString,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    types: pgTypes(),
  });
  // An idle client whose server went away emits 'error' on the pool; unhandled, it would crash the process.
  pool.on('error', (err) => opts.onIdleError?.(err));
  try {
    await pool.query('SELECT 1');
    await applyPostgresMigrations(pool, PG_MIGRATIONS, opts.now ?? Date.now);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw openFailure(err, url);
  }
  return storeOver(postgresDb(pool), opts.now ?? Date.now);
}
