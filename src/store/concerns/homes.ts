import { HomeRowSchema, HomeUserRowSchema, parseRow } from '../rows.js';
import type { Db } from '../sql/db.js';
import type { HomeStore } from '../store.js';

/** Home preferences over either dialect. */
export function sqlHomes(db: Db, clock: () => number): HomeStore {
  return {
    get: async (ws, userId) => {
      const row = await db.get(
        'SELECT prefs_json, opened_at FROM home_prefs WHERE team_id = @teamId AND user_id = @userId',
        {
          teamId: ws.teamId,
          userId,
        },
      );
      return row === undefined ? undefined : parseRow(HomeRowSchema, 'home_prefs', row, 'user_id');
    },
    set: async (ws, userId, prefs, openedAt = clock()) => {
      const { state, category, query } = prefs;
      await db.run(
        `INSERT INTO home_prefs (team_id, enterprise_id, user_id, prefs_json, opened_at)
         VALUES (@teamId, @enterpriseId, @userId, @prefs, @openedAt)
         ON CONFLICT (team_id, user_id) DO UPDATE SET prefs_json = excluded.prefs_json,
           opened_at = excluded.opened_at`,
        {
          teamId: ws.teamId,
          enterpriseId: ws.enterpriseId ?? null,
          userId,
          prefs: JSON.stringify({ state, category, query }),
          openedAt,
        },
      );
    },
    recent: async (sinceMs) =>
      (
        await db.all(
          `SELECT team_id, enterprise_id, user_id FROM home_prefs WHERE opened_at >= @since AND team_id <> ''
           ORDER BY opened_at DESC, team_id, user_id`,
          { since: sinceMs },
        )
      ).map((r) => parseRow(HomeUserRowSchema, 'home_prefs', r, 'user_id')),
  };
}
