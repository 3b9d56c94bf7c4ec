import type { Migration } from '../../sql/migration.js';

/**
 * A delivery schedule per subscription ('immediately', 'daily', 'weekly') and, for scheduled ones, when
 * the next digest is due and the registry it is diffed from. Moving `next_at` on and queueing the digest
 * happen in one transaction guarded by the old `next_at`, so each digest is queued once, by one replica.
 */
export const DIGESTS: Migration = {
  version: 8,
  name: 'digests',
  sql: `
ALTER TABLE subscriptions ADD COLUMN schedule TEXT NOT NULL DEFAULT 'immediately'
  CHECK (schedule IN ('immediately', 'daily', 'weekly'));
CREATE TABLE digests (
  subscription_id INTEGER PRIMARY KEY,
  team_id TEXT NOT NULL CHECK (length(team_id) > 0),
  channel_id TEXT NOT NULL CHECK (length(channel_id) > 0),
  tz TEXT NOT NULL,
  next_at INTEGER NOT NULL,
  baseline_json TEXT NOT NULL CHECK (json_valid(baseline_json))
) STRICT;
CREATE INDEX digests_due ON digests (next_at);
`,
};
