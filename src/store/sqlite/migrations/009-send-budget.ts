import type { Migration } from '../../sql/migration.js';

/**
 * One chat.postMessage budget per workspace, shared by every process on the database. `send_slots` holds
 * a row per post from its start until a window after it completed (`release_at`; while `finished` is 0 it
 * is only a bound, in case its taker died). `send_budget` keeps what 429s taught: the budget per window,
 * the last 429, and a 429 whose window is still to be counted (`learn_at`).
 */
export const SEND_BUDGET: Migration = {
  version: 9,
  name: 'send budget',
  sql: `
CREATE TABLE send_slots (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL CHECK (length(team_id) > 0),
  started_at INTEGER NOT NULL,
  release_at INTEGER NOT NULL,
  finished INTEGER NOT NULL CHECK (finished IN (0, 1)),
  delivered INTEGER NOT NULL CHECK (delivered IN (0, 1))
) STRICT;
CREATE INDEX send_slots_release ON send_slots (team_id, release_at);
CREATE TABLE send_budget (
  team_id TEXT PRIMARY KEY CHECK (length(team_id) > 0),
  budget INTEGER CHECK (budget > 0),
  last_429 INTEGER NOT NULL,
  learn_at INTEGER
) STRICT;
`,
};
