import type { Migration } from '../../sql/migration.js';

/**
 * The first schema. STRICT tables make SQLite enforce column types; CHECKs keep rows that zod would reject
 * from being written in the first place.
 */
export const INITIAL_SCHEMA: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE subscriptions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  channel_id TEXT NOT NULL CHECK (length(channel_id) > 0),
  filter_key TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  source TEXT NOT NULL CHECK (source IN ('command', 'config')),
  deactivated_reason TEXT
) STRICT;
CREATE UNIQUE INDEX subscriptions_channel_filter ON subscriptions (channel_id, filter_key);
CREATE INDEX subscriptions_created ON subscriptions (created_at, id);

-- The last announced registry: a single row.
CREATE TABLE snapshot (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  hash TEXT NOT NULL CHECK (length(hash) > 0),
  registry_json TEXT NOT NULL,
  announced_at INTEGER NOT NULL
) STRICT;

-- Every committed change set, so a repeat commit (after a crash or a second replica) is a no-op.
CREATE TABLE change_sets (
  id TEXT PRIMARY KEY CHECK (length(id) > 0),
  snapshot_hash TEXT NOT NULL,
  committed_at INTEGER NOT NULL
) STRICT;

-- AUTOINCREMENT: ids are never reused, so a stale id held by a sender can never hit a newer row.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  change_set_id TEXT NOT NULL REFERENCES change_sets (id),
  channel_id TEXT NOT NULL CHECK (length(channel_id) > 0),
  payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error TEXT,
  not_before INTEGER NOT NULL,
  slack_ts TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (change_set_id, channel_id)
) STRICT;
CREATE INDEX outbox_due ON outbox (status, not_before);

CREATE TABLE seen_events (
  event_id TEXT PRIMARY KEY,
  seen_at INTEGER NOT NULL
) STRICT;
CREATE INDEX seen_events_seen_at ON seen_events (seen_at);

CREATE TABLE home_prefs (
  user_id TEXT PRIMARY KEY CHECK (length(user_id) > 0),
  prefs_json TEXT NOT NULL CHECK (json_valid(prefs_json)),
  opened_at INTEGER NOT NULL
) STRICT;
CREATE INDEX home_prefs_opened_at ON home_prefs (opened_at);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`,
};
