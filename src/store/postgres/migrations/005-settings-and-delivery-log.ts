import type { Migration } from '../../sql/migration.js';

/** Workspace and channel settings with their change record, and notice summaries (as SQLite's sixth). */
export const PG_SETTINGS_AND_DELIVERY_LOG: Migration = {
  version: 5,
  name: 'settings and delivery log',
  sql: `
CREATE TABLE settings (
  team_id TEXT NOT NULL CHECK (length(team_id) > 0),
  scope TEXT NOT NULL,
  name TEXT NOT NULL CHECK (length(name) > 0),
  value TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at BIGINT NOT NULL,
  PRIMARY KEY (team_id, scope, name)
);
CREATE TABLE setting_changes (
  id BIGSERIAL PRIMARY KEY,
  team_id TEXT NOT NULL,
  scope TEXT NOT NULL,
  name TEXT NOT NULL,
  old_value TEXT,
  value TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at BIGINT NOT NULL
);
CREATE INDEX setting_changes_workspace ON setting_changes (team_id, scope, id);
ALTER TABLE outbox ADD COLUMN summary TEXT;
CREATE INDEX outbox_log ON outbox (team_id, channel_id, id);
`,
};
