import type { Db } from '../sql/db.js';

/** The later of a column's stored and new value in an upsert, written the same way in both dialects. */
export const later = (table: string, column = 'not_before'): string =>
  `CASE WHEN excluded.${column} > ${table}.${column} THEN excluded.${column} ELSE ${table}.${column} END`;

/** Holds every replica's posts to a workspace until `at` (a later pause already stored stands). */
export async function pauseWorkspace(db: Db, teamId: string, at: number): Promise<void> {
  await db.run(
    `INSERT INTO workspace_pause (team_id, not_before) VALUES (@teamId, @at)
     ON CONFLICT (team_id) DO UPDATE SET not_before = ${later('workspace_pause')}`,
    { teamId, at },
  );
}
