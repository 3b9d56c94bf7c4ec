import type { Db } from '../sql/db.js';
import type { WorkspaceRef } from '../types.js';

/** Tables whose rows an older build wrote without a workspace (team_id ''), and whether they name its org. */
const TABLES = [
  ['subscriptions', true],
  ['outbox', true],
  ['seen_events', false],
  ['home_prefs', true],
] as const;

/** Gives rows written before workspaces existed to the one workspace the bot serves. */
export function adoptLegacyRows(db: Db, ws: WorkspaceRef): Promise<number> {
  return db.transaction(async (tx) => {
    let adopted = 0;
    for (const [table, withEnterprise] of TABLES) {
      adopted += withEnterprise
        ? await tx.run(
            `UPDATE ${table} SET team_id = @teamId, enterprise_id = @enterpriseId WHERE team_id = ''`,
            {
              teamId: ws.teamId,
              enterpriseId: ws.enterpriseId ?? null,
            },
          )
        : await tx.run(`UPDATE ${table} SET team_id = @teamId WHERE team_id = ''`, { teamId: ws.teamId });
    }
    // An outbox row's delivery id names its workspace; give adopted rows theirs.
    await tx.run(
      `UPDATE outbox SET delivery_id = change_set_id || '/' || team_id || '/' || channel_id
       WHERE delivery_id LIKE 'legacy-%'`,
    );
    return adopted;
  });
}
