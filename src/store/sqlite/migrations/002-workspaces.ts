import type { Migration } from '../../sql/migration.js';

/**
 * Workspaces, leases and shared pacing. Every row that belongs to a workspace gets its team (and Enterprise
 * Grid organisation); rows an older build wrote get team '' until the single-workspace bot adopts them
 * (Store.adoptLegacyRows, with the team auth.test names). Outbox rows get leases instead of a plain
 * 'sending' status, a delivery id that travels in the posted message's metadata, and their retry budget.
 * A row an older build left 'sending' with a ts was delivered; without one, Slack may or may not have it,
 * so it becomes pending and uncertain (checked against the channel's history before a second post).
 * Tables whose key changes are rebuilt, as SQLite cannot alter a primary key.
 */
export const WORKSPACES: Migration = {
  version: 2,
  name: 'workspaces',
  sql: `
ALTER TABLE subscriptions ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
ALTER TABLE subscriptions ADD COLUMN enterprise_id TEXT;
DROP INDEX subscriptions_channel_filter;
CREATE UNIQUE INDEX subscriptions_workspace_channel_filter ON subscriptions (team_id, channel_id, filter_key);
CREATE INDEX subscriptions_active ON subscriptions (active, created_at, id);

ALTER TABLE change_sets ADD COLUMN previous_hash TEXT;
CREATE INDEX change_sets_snapshot_hash ON change_sets (snapshot_hash);

CREATE TABLE outbox_v2 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  change_set_id TEXT NOT NULL REFERENCES change_sets (id),
  team_id TEXT NOT NULL,
  enterprise_id TEXT,
  channel_id TEXT NOT NULL CHECK (length(channel_id) > 0),
  delivery_id TEXT NOT NULL CHECK (length(delivery_id) > 0),
  payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  transient_failures INTEGER NOT NULL DEFAULT 0 CHECK (transient_failures >= 0),
  last_error TEXT,
  not_before INTEGER NOT NULL,
  lease_owner TEXT,
  lease_until INTEGER,
  uncertain INTEGER NOT NULL DEFAULT 0 CHECK (uncertain IN (0, 1)),
  first_attempt_at INTEGER,
  slack_ts TEXT,
  outcome TEXT CHECK (outcome IN ('posted', 'reconciled')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (change_set_id, team_id, channel_id)
) STRICT;
INSERT INTO outbox_v2 (id, change_set_id, team_id, channel_id, delivery_id, payload_json, status, attempts,
    last_error, not_before, uncertain, first_attempt_at, slack_ts, outcome, created_at, updated_at)
  SELECT id, change_set_id, '', channel_id, 'legacy-' || id, payload_json,
    CASE WHEN status = 'sending' AND slack_ts IS NOT NULL THEN 'sent'
         WHEN status = 'sending' THEN 'pending' ELSE status END,
    attempts, last_error, not_before,
    CASE WHEN status = 'sending' AND slack_ts IS NULL THEN 1 ELSE 0 END,
    CASE WHEN attempts > 0 THEN updated_at END,
    slack_ts,
    CASE WHEN slack_ts IS NOT NULL THEN 'posted' END,
    created_at, updated_at
  FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v2 RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (status, not_before);
CREATE INDEX outbox_channel ON outbox (team_id, channel_id, status);
CREATE INDEX outbox_created ON outbox (created_at, id);

CREATE TABLE seen_events_v2 (
  team_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (team_id, event_id)
) STRICT;
INSERT INTO seen_events_v2 (team_id, event_id, seen_at) SELECT '', event_id, seen_at FROM seen_events;
DROP TABLE seen_events;
ALTER TABLE seen_events_v2 RENAME TO seen_events;
CREATE INDEX seen_events_seen_at ON seen_events (seen_at);

CREATE TABLE home_prefs_v2 (
  team_id TEXT NOT NULL,
  enterprise_id TEXT,
  user_id TEXT NOT NULL CHECK (length(user_id) > 0),
  prefs_json TEXT NOT NULL CHECK (json_valid(prefs_json)),
  opened_at INTEGER NOT NULL,
  PRIMARY KEY (team_id, user_id)
) STRICT;
INSERT INTO home_prefs_v2 (team_id, user_id, prefs_json, opened_at)
  SELECT '', user_id, prefs_json, opened_at FROM home_prefs;
DROP TABLE home_prefs;
ALTER TABLE home_prefs_v2 RENAME TO home_prefs;
CREATE INDEX home_prefs_opened_at ON home_prefs (opened_at);

-- Pauses every replica honours: a channel's next post, a workspace's 429.
CREATE TABLE channel_pace (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  not_before INTEGER NOT NULL,
  PRIMARY KEY (team_id, channel_id)
) STRICT;
CREATE TABLE workspace_pause (
  team_id TEXT PRIMARY KEY,
  not_before INTEGER NOT NULL
) STRICT;

-- One holder at a time across replicas: the announcer, a token refresh.
CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  until INTEGER NOT NULL
) STRICT;

-- OAuth installations, one per workspace, or per organisation for an org-wide install. The Installation
-- (tokens included) is stored only encrypted; key_id names the key that encrypted it.
CREATE TABLE installations (
  installation_key TEXT PRIMARY KEY,
  team_id TEXT,
  enterprise_id TEXT,
  is_enterprise_install INTEGER NOT NULL CHECK (is_enterprise_install IN (0, 1)),
  bot_user_id TEXT,
  key_id TEXT NOT NULL,
  data_enc TEXT NOT NULL,
  token_expires_at INTEGER,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  installed_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  uninstalled_at INTEGER
) STRICT;
CREATE INDEX installations_team ON installations (team_id);
CREATE INDEX installations_enterprise ON installations (enterprise_id);
`,
};
