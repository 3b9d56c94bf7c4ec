import type { Migration } from '../../sql/migration.js';

/** The shared chat.postMessage ledger per workspace (as SQLite's ninth). */
export const PG_SEND_BUDGET: Migration = {
  version: 8,
  name: 'send budget',
  sql: `
CREATE TABLE send_slots (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL CHECK (length(team_id) > 0),
  started_at BIGINT NOT NULL,
  release_at BIGINT NOT NULL,
  finished INTEGER NOT NULL CHECK (finished IN (0, 1)),
  delivered INTEGER NOT NULL CHECK (delivered IN (0, 1))
);
CREATE INDEX send_slots_release ON send_slots (team_id, release_at);
CREATE TABLE send_budget (
  team_id TEXT PRIMARY KEY CHECK (length(team_id) > 0),
  budget INTEGER CHECK (budget > 0),
  last_429 BIGINT NOT NULL,
  learn_at BIGINT
);
`,
};
