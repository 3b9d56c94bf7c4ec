import type { Migration } from '../../sql/migration.js';

/** Acknowledged work not yet finished, held under a lease (as SQLite's third migration). */
export const PG_PENDING_WORK: Migration = {
  version: 2,
  name: 'pending work',
  sql: `
CREATE TABLE pending_work (
  id BIGSERIAL PRIMARY KEY,
  team_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  body_json TEXT NOT NULL,
  lease_owner TEXT NOT NULL,
  lease_until BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);
CREATE INDEX pending_work_lease ON pending_work (lease_until);
`,
};
