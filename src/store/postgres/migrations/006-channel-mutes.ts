import type { Migration } from '../../sql/migration.js';

/** Channels muted for a while, with the registry their catch-up is diffed from (as SQLite's seventh). */
export const PG_CHANNEL_MUTES: Migration = {
  version: 6,
  name: 'channel mutes',
  sql: `
CREATE TABLE channel_mutes (
  team_id TEXT NOT NULL CHECK (length(team_id) > 0),
  enterprise_id TEXT,
  channel_id TEXT NOT NULL CHECK (length(channel_id) > 0),
  muted_by TEXT NOT NULL,
  muted_at BIGINT NOT NULL,
  until BIGINT NOT NULL,
  baseline_json TEXT NOT NULL,
  PRIMARY KEY (team_id, channel_id)
);
CREATE INDEX channel_mutes_until ON channel_mutes (until);
`,
};
