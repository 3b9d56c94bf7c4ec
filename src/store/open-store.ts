import type { Logger } from 'pino';
import { parseDatabaseUrl } from './database-url.js';
import { openPostgresStore } from './postgres/open-postgres.js';
import { openSqliteStore } from './sqlite/open-sqlite.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  now?: () => number;
  log?: Logger;
}

/**
 * Opens the store DATABASE_URL names: `sqlite:<path>` (the embedded default) or `postgres://…` (several
 * replicas). Throws StoreOpenError (one line naming DATABASE_URL, exit 2) when it cannot.
 */
export async function openStore(url: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const location = parseDatabaseUrl(url);
  if (location.kind === 'sqlite') return openSqliteStore(location.filename, opts.now);
  return openPostgresStore(location.url, {
    ...(opts.now ? { now: opts.now } : {}),
    onIdleError: (err) =>
      opts.log?.warn(
        { err: { message: err.message } },
        'a PostgreSQL connection broke; the pool reconnects by itself',
      ),
  });
}
