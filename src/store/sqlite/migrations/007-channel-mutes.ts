import type { Migration } from '../../sql/migration.js';

/**
 * Channels muted for a while. `baseline_json` is the announced registry when the mute began: when it ends,
 * the channel's one catch-up notice is what changed from it to the registry of that moment. A row is
 * deleted in the same transaction that queues that notice, so the catch-up is queued once, by one replica.
 */
export const CHANNEL_MUTES: Migration = {
  version: 7,
  name: 'channel mutes',
  sql: `
CREATE TABLE channel_mutes (
  team_id TEXT NOT NULL CHECK (length(team_id) > 0),
  enterprise_id TEXT,
  channel_id TEXT NOT NULL CHECK (length(channel_id) > 0),
  muted_by TEXT NOT NULL,
  muted_at INTEGER NOT NULL,
  until INTEGER NOT NULL,
  baseline_json TEXT NOT NULL CHECK (json_valid(baseline_json)),
  PRIMARY KEY (team_id, channel_id)
) STRICT;
CREATE INDEX channel_mutes_until ON channel_mutes (until);
`,
};
