import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The local PostgreSQL server the tests use (trust auth on these machines); PG_TEST_URL overrides it. */
export const PG_ADMIN_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether a server answers; CI must have one (.ci/run starts it), so there the tests never skip. */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Reachable, or in CI (where an unreachable server must fail the run, not skip it). */
export const POSTGRES_AVAILABLE = (await postgresReachable()) || process.env.CI === 'true';
if (!POSTGRES_AVAILABLE) {
  process.stderr.write(
    `PostgreSQL is not reachable at ${PG_ADMIN_URL}: its tests are skipped here (CI runs them).\n`,
  );
}

export interface TestDatabase {
  /** A DATABASE_URL for the new, empty database. */
  url: string;
  name: string;
  /** Ends every connection to the database and drops it. */
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A throwaway database of its own for one test file (or one test). */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `osm_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      admin(async (c) => {
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
      }),
  };
}

/** Cuts every connection to a database from the server's side, as a server restart does. */
export function terminateConnections(name: string): Promise<void> {
  return admin(async (c) => {
    await c.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
  });
}

/**
 * Makes a database refuse new connections (and ends those open), as a database that is down or cut off by
 * the network looks to a client; `false` lets connections in again.
 */
export function blockConnections(name: string, blocked: boolean): Promise<void> {
  return admin(async (c) => {
    await c.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS ${blocked ? 'false' : 'true'}`);
    if (blocked)
      await c.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
  });
}
