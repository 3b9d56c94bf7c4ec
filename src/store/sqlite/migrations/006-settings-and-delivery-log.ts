import type { Migration } from '../../sql/migration.js';

/**
 * Settings a workspace's admins choose (who may subscribe) and a channel's own (its notice format), each with
 * a record of every change (who, when); and a one-line summary kept with each notice for the delivery log.
 * `scope` is '' for a workspace-wide setting, or the channel id a channel's setting belongs to.
 */
export const SETTINGS_AND_DELIVERY_LOG: Migration = {
  version: 6,
  name: 'settings and delivery log',
  sql: `
CREATE TABLE settings (
  team_id TEXT NOT NULL CHECK (length(team_id) > 0),
  scope TEXT NOT NULL,
  name TEXT NOT NULL CHECK (length(name) > 0),
  value TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at INTEGER NOT NULL,
  PRIMARY KEY (team_id, scope, name)
) STRICT;
CREATE TABLE setting_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id TEXT NOT NULL,
  scope TEXT NOT NULL,
  name TEXT NOT NULL,
  old_value TEXT,
  value TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX setting_changes_workspace ON setting_changes (team_id, scope, id);
ALTER TABLE outbox ADD COLUMN summary TEXT;
CREATE INDEX outbox_log ON outbox (team_id, channel_id, id);
`,
};
