import type { Migration } from '../../sql/migration.js';

/** Subscription schedules and the state of their digests (as SQLite's eighth). */
export const PG_DIGESTS: Migration = {
  version: 7,
  name: 'digests',
  sql: `
ALTER TABLE subscriptions ADD COLUMN schedule TEXT NOT NULL DEFAULT 'immediately'
  CHECK (schedule IN ('immediately', 'daily', 'weekly'));
CREATE TABLE digests (
  subscription_id BIGINT PRIMARY KEY,
  team_id TEXT NOT NULL CHECK (length(team_id) > 0),
  channel_id TEXT NOT NULL CHECK (length(channel_id) > 0),
  tz TEXT NOT NULL,
  next_at BIGINT NOT NULL,
  baseline_json TEXT NOT NULL
);
CREATE INDEX digests_due ON digests (next_at);
`,
};
