import type { Migration } from '../../sql/migration.js';

/**
 * The whole schema, as SQLite has it after its second migration: the same tables and columns, so one set
 * of SQL serves both. Times are BIGINT epoch ms and flags SMALLINT 0/1, as in SQLite.
 */
export const PG_INITIAL: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE subscriptions (
  id BIGSERIAL PRIMARY KEY,
  team_id TEXT NOT NULL,
  enterprise_id TEXT,
  channel_id TEXT NOT NULL CHECK (length(channel_id) > 0),
  filter_key TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  active SMALLINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  source TEXT NOT NULL CHECK (source IN ('command', 'config')),
  deactivated_reason TEXT
);
CREATE UNIQUE INDEX subscriptions_workspace_channel_filter ON subscriptions (team_id, channel_id, filter_key);
CREATE INDEX subscriptions_active ON subscriptions (active, created_at, id);

CREATE TABLE snapshot (
  id SMALLINT PRIMARY KEY CHECK (id = 1),
  hash TEXT NOT NULL CHECK (length(hash) > 0),
  registry_json TEXT NOT NULL,
  announced_at BIGINT NOT NULL
);

CREATE TABLE change_sets (
  id TEXT PRIMARY KEY CHECK (length(id) > 0),
  snapshot_hash TEXT NOT NULL,
  previous_hash TEXT,
  committed_at BIGINT NOT NULL
);
CREATE INDEX change_sets_snapshot_hash ON change_sets (snapshot_hash);

CREATE TABLE outbox (
  id BIGSERIAL PRIMARY KEY,
  change_set_id TEXT NOT NULL REFERENCES change_sets (id),
  team_id TEXT NOT NULL,
  enterprise_id TEXT,
  channel_id TEXT NOT NULL CHECK (length(channel_id) > 0),
  delivery_id TEXT NOT NULL CHECK (length(delivery_id) > 0),
  payload_json TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  transient_failures INTEGER NOT NULL DEFAULT 0 CHECK (transient_failures >= 0),
  last_error TEXT,
  not_before BIGINT NOT NULL,
  lease_owner TEXT,
  lease_until BIGINT,
  uncertain SMALLINT NOT NULL DEFAULT 0 CHECK (uncertain IN (0, 1)),
  first_attempt_at BIGINT,
  slack_ts TEXT,
  outcome TEXT CHECK (outcome IN ('posted', 'reconciled')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (change_set_id, team_id, channel_id)
);
CREATE INDEX outbox_due ON outbox (status, not_before);
CREATE INDEX outbox_channel ON outbox (team_id, channel_id, status);
CREATE INDEX outbox_created ON outbox (created_at, id);

CREATE TABLE seen_events (
  team_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  seen_at BIGINT NOT NULL,
  PRIMARY KEY (team_id, event_id)
);
CREATE INDEX seen_events_seen_at ON seen_events (seen_at);

CREATE TABLE home_prefs (
  team_id TEXT NOT NULL,
  enterprise_id TEXT,
  user_id TEXT NOT NULL CHECK (length(user_id) > 0),
  prefs_json TEXT NOT NULL,
  opened_at BIGINT NOT NULL,
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX home_prefs_opened_at ON home_prefs (opened_at);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE channel_pace (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  not_before BIGINT NOT NULL,
  PRIMARY KEY (team_id, channel_id)
);
CREATE TABLE workspace_pause (
  team_id TEXT PRIMARY KEY,
  not_before BIGINT NOT NULL
);

CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  until BIGINT NOT NULL
);

CREATE TABLE installations (
  installation_key TEXT PRIMARY KEY,
  team_id TEXT,
  enterprise_id TEXT,
  is_enterprise_install SMALLINT NOT NULL CHECK (is_enterprise_install IN (0, 1)),
  bot_user_id TEXT,
  key_id TEXT NOT NULL,
  data_enc TEXT NOT NULL,
  token_expires_at BIGINT,
  active SMALLINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  installed_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  uninstalled_at BIGINT
);
CREATE INDEX installations_team ON installations (team_id);
CREATE INDEX installations_enterprise ON installations (enterprise_id);
`,
};
