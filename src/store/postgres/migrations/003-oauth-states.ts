import type { Migration } from '../../sql/migration.js';

/** OAuth install states, each consumed once (as SQLite's fourth migration). */
export const PG_OAUTH_STATES: Migration = {
  version: 3,
  name: 'oauth states',
  sql: `
CREATE TABLE oauth_states (
  state_id TEXT PRIMARY KEY,
  options_json TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX oauth_states_expiry ON oauth_states (expires_at);
`,
};
