import { z } from 'zod';
import type { Db } from '../sql/db.js';
import type { OAuthStateStore } from '../store.js';

const Consumed = z.object({ options_json: z.string(), expires_at: z.number().int() });

/** OAuth states over either dialect: DELETE … RETURNING makes consuming one atomic across replicas. */
export function sqlOAuthStates(db: Db, clock: () => number): OAuthStateStore {
  return {
    issue: async (stateId, optionsJson, expiresAt, now = clock()) => {
      await db.run('DELETE FROM oauth_states WHERE expires_at <= @now', { now });
      await db.run(
        'INSERT INTO oauth_states (state_id, options_json, expires_at) VALUES (@stateId, @optionsJson, @expiresAt)',
        { stateId, optionsJson, expiresAt },
      );
    },
    consume: async (stateId, now = clock()) => {
      const rows = await db.all(
        'DELETE FROM oauth_states WHERE state_id = @stateId RETURNING options_json, expires_at',
        { stateId },
      );
      const row = rows[0] === undefined ? undefined : Consumed.parse(rows[0]);
      return row && row.expires_at > now ? row.options_json : undefined;
    },
  };
}
