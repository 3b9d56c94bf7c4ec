import { describe } from 'vitest';
import { openPostgresStore } from '../../../src/store/postgres/open-postgres.js';
import { createTestDatabase, POSTGRES_AVAILABLE, type TestDatabase } from '../../harness/postgres.js';
import { runSendBudgetContract } from './send-budget-contract.js';
import { runStoreContract } from './store-contract.js';

const TABLES =
  'subscriptions, outbox, change_sets, snapshot, seen_events, home_prefs, meta, channel_pace, workspace_pause, leases, installations, send_slots, send_budget';

describe.runIf(POSTGRES_AVAILABLE)('PostgreSQL store', () => {
  let db: TestDatabase | undefined;
  const factory = {
    setup: async () => {
      db = await createTestDatabase('contract');
    },
    teardown: async () => db?.drop(),
    fresh: async () => {
      if (!db) throw new Error('no test database');
      const store = await openPostgresStore(db.url, { max: 4 });
      // One database for the file; every test starts from empty tables.
      await truncate(db.url);
      return store;
    },
    another: async () => {
      if (!db) throw new Error('no test database');
      return openPostgresStore(db.url, { max: 4 });
    },
  };
  runStoreContract('postgres', factory);
  runSendBudgetContract('postgres', factory);
});

async function truncate(url: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`TRUNCATE ${TABLES} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}
