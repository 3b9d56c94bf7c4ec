import type { Migration } from '../../sql/migration.js';

/**
 * Work the bot acknowledged to Slack but has not finished (a subscribe answered later through response_url,
 * a mention's reply): held under a lease, so that a replica killed half way hands it to another (or to its
 * own next start) instead of losing it.
 */
export const PENDING_WORK: Migration = {
  version: 3,
  name: 'pending work',
  sql: `
CREATE TABLE pending_work (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  body_json TEXT NOT NULL CHECK (json_valid(body_json)),
  lease_owner TEXT NOT NULL,
  lease_until INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX pending_work_lease ON pending_work (lease_until);
`,
};
