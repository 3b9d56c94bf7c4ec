import type { Migration } from '../../sql/migration.js';

/**
 * The `state` of each OAuth install in progress: issued with the install page, consumed once by the redirect
 * back, so that a state is never accepted twice (by any replica) or after it expired.
 */
export const OAUTH_STATES: Migration = {
  version: 4,
  name: 'oauth states',
  sql: `
CREATE TABLE oauth_states (
  state_id TEXT PRIMARY KEY,
  options_json TEXT NOT NULL CHECK (json_valid(options_json)),
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX oauth_states_expiry ON oauth_states (expires_at);
`,
};
