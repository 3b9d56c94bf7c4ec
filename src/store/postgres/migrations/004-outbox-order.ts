import type { Migration } from '../../sql/migration.js';

/** Pending outbox rows in claim order (as SQLite's fifth migration). */
export const PG_OUTBOX_ORDER: Migration = {
  version: 4,
  name: 'outbox claim order',
  sql: `
CREATE INDEX outbox_pending_order ON outbox (status, created_at, id);
`,
};
