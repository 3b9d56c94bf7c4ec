import type { Db } from '../sql/db.js';
import type { EventStore } from '../store.js';

/** Seen event ids over either dialect. */
export function sqlEvents(db: Db, clock: () => number): EventStore {
  return {
    firstSeen: async (ws, eventId, now = clock()) =>
      (await db.run(
        `INSERT INTO seen_events (team_id, event_id, seen_at) VALUES (@teamId, @eventId, @now)
         ON CONFLICT DO NOTHING`,
        { teamId: ws.teamId, eventId, now },
      )) === 1,
    trim: (olderThanMs, now = clock()) =>
      db.run('DELETE FROM seen_events WHERE seen_at < @before', { before: now - olderThanMs }),
  };
}
