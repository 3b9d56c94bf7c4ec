import type { Migration } from '../../sql/migration.js';

/** Pending outbox rows in claim order, so a claim reads the oldest few instead of sorting them all. */
export const OUTBOX_ORDER: Migration = {
  version: 5,
  name: 'outbox claim order',
  sql: `
CREATE INDEX outbox_pending_order ON outbox (status, created_at, id);
`,
};
