import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreOpenError, StoreUnavailableError } from '../../../src/store/errors.js';
import { openPostgresStore, PG_MIGRATIONS } from '../../../src/store/postgres/open-postgres.js';
import type { Store } from '../../../src/store/store.js';
import {
  createTestDatabase,
  PG_ADMIN_URL,
  POSTGRES_AVAILABLE,
  type TestDatabase,
  terminateConnections,
} from '../../harness/postgres.js';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function openFailure(url: string): Promise<StoreOpenError> {
  const failure = await openPostgresStore(url, { connectTimeoutMs: 2_000 }).catch((err: unknown) => err);
  expect(failure).toBeInstanceOf(StoreOpenError);
  return failure as StoreOpenError;
}

describe.runIf(POSTGRES_AVAILABLE)('PostgreSQL store specifics', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('specifics');
  });
  afterAll(async () => db.drop());

  it('several replicas starting at once migrate once', async () => {
    const fresh = await createTestDatabase('migrators');
    try {
      const stores = await Promise.all(
        Array.from({ length: 4 }, () => openPostgresStore(fresh.url, { max: 2 })),
      );
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      const { rows } = await client.query(
        'SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version',
      );
      await client.end();
      expect(rows).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version, n: 1 })));
      for (const s of stores) await s.close();
    } finally {
      await fresh.drop();
    }
  });

  it('refuses a database whose schema is newer than the build, naming DATABASE_URL', async () => {
    const newer = await createTestDatabase('newer');
    try {
      await (await openPostgresStore(newer.url)).close();
      const client = new pg.Client({ connectionString: newer.url });
      await client.connect();
      await client.query(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 0)",
      );
      await client.end();
      const failure = await openFailure(newer.url);
      expect(failure.message).toBe(
        `DATABASE_URL: the database schema is at version 99 but this build knows only up to ${PG_MIGRATIONS.length}; upgrade the app`,
      );
      expect(failure.exitCode).toBe(2);
    } finally {
      await newer.drop();
    }
  });

  it('says why it cannot connect, in one line naming DATABASE_URL, never the password', async () => {
    const port = await closedPort();
    const refused = await openFailure(`postgres://bot:s3cret@127.0.0.1:${port}/osm`);
    expect(refused.message).toBe(
      `DATABASE_URL: cannot reach the PostgreSQL server at 127.0.0.1:${port}: connection refused (is it running?)`,
    );
    const admin = new URL(PG_ADMIN_URL);
    const noRole = new URL(PG_ADMIN_URL);
    noRole.username = 'nobody_at_all';
    noRole.password = 's3cret';
    expect((await openFailure(noRole.toString())).message).toMatch(
      /^DATABASE_URL: authentication failed for user "nobody_at_all" at [^ ]+ \(not allowed to connect\)$/,
    );
    const noDb = new URL(admin.toString());
    noDb.pathname = '/osm_does_not_exist';
    expect((await openFailure(noDb.toString())).message).toMatch(
      /^DATABASE_URL: database "osm_does_not_exist" does not exist at /,
    );
    expect(refused.message).not.toContain('s3cret');
  });

  it('rides out the server dropping its connections: a kind failure at worst, then it reconnects by itself', async () => {
    const store: Store = await openPostgresStore(db.url, { max: 2 });
    try {
      const ws = { teamId: 'T1' };
      await store.subscriptions.add(ws, { channelId: 'C1', filter: { kind: 'all' }, createdBy: 'U1' });
      await store.ping();
      await terminateConnections(db.name);
      const first = await store.subscriptions.list(ws).catch((err: unknown) => err);
      if (first instanceof Error) expect(first).toBeInstanceOf(StoreUnavailableError);
      expect(await store.subscriptions.list(ws)).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
