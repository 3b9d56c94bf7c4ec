import { canonicalFilterKey, PausedWorkspaceRow, parseRow, SubscriptionRowSchema } from '../rows.js';
import type { Db } from '../sql/db.js';
import type { SubscriptionStore } from '../store.js';
import type { Subscription } from '../types.js';

const toSubscription = (row: unknown): Subscription => parseRow(SubscriptionRowSchema, 'subscriptions', row);

/** Subscriptions over either dialect. `now` is the store's clock. */
export function sqlSubscriptions(db: Db, now: () => number): SubscriptionStore {
  const byKey = `SELECT * FROM subscriptions WHERE team_id = @teamId AND channel_id = @channelId AND filter_key = @filterKey`;
  return {
    add: (ws, input) =>
      // Insert-if-absent first: on PostgreSQL (READ COMMITTED) two replicas adding the same subscription at
      // once would both read "absent" and one insert would fail on the unique index; ON CONFLICT waits for
      // the other's commit and skips. SQLite's write transaction serialises them anyway.
      db.transaction(async (tx) => {
        const filterKey = canonicalFilterKey(input.filter);
        const key = { teamId: ws.teamId, channelId: input.channelId, filterKey };
        const inserted = await tx.run(
          `INSERT INTO subscriptions (team_id, enterprise_id, channel_id, filter_key, created_by, created_at, source,
             schedule)
           VALUES (@teamId, @enterpriseId, @channelId, @filterKey, @createdBy, @createdAt, @source, @schedule)
           ON CONFLICT (team_id, channel_id, filter_key) DO NOTHING`,
          {
            ...key,
            enterpriseId: ws.enterpriseId ?? null,
            createdBy: input.createdBy,
            createdAt: now(),
            source: input.source ?? 'command',
            schedule: input.schedule ?? 'immediately',
          },
        );
        if (inserted > 0) return { subscription: toSubscription(await tx.get(byKey, key)), created: true };
        const sub = toSubscription(await tx.get(byKey, key));
        const schedule = input.schedule ?? sub.schedule;
        if (sub.active && schedule === sub.schedule) return { subscription: sub, created: false };
        await tx.run(
          'UPDATE subscriptions SET active = 1, deactivated_reason = NULL, schedule = @schedule WHERE id = @id',
          { id: sub.id, schedule },
        );
        return { subscription: toSubscription(await tx.get(byKey, key)), created: false };
      }),
    remove: (ws, channelId, filter) =>
      db.transaction(async (tx) => {
        const removed =
          filter === undefined
            ? await tx.run('DELETE FROM subscriptions WHERE team_id = @teamId AND channel_id = @channelId', {
                teamId: ws.teamId,
                channelId,
              })
            : await tx.run(
                'DELETE FROM subscriptions WHERE team_id = @teamId AND channel_id = @channelId AND filter_key = @filterKey',
                { teamId: ws.teamId, channelId, filterKey: canonicalFilterKey(filter) },
              );
        // A removed subscription's digests go with it.
        await tx.run(
          `DELETE FROM digests WHERE team_id = @teamId AND channel_id = @channelId
             AND subscription_id NOT IN (SELECT id FROM subscriptions)`,
          { teamId: ws.teamId, channelId },
        );
        return removed;
      }),
    list: async (ws, query = {}) =>
      (
        await db.all(
          `SELECT * FROM subscriptions WHERE team_id = @teamId
             AND (CAST(@channelId AS TEXT) IS NULL OR channel_id = @channelId) AND (@all = 1 OR active = 1)
           ORDER BY created_at, id`,
          { teamId: ws.teamId, channelId: query.channelId ?? null, all: query.includeInactive ? 1 : 0 },
        )
      ).map(toSubscription),
    listActive: async () =>
      (
        await db.all("SELECT * FROM subscriptions WHERE active = 1 AND team_id <> '' ORDER BY created_at, id")
      ).map(toSubscription),
    deactivateWorkspace: (ws, reason) =>
      db.run(
        'UPDATE subscriptions SET active = 0, deactivated_reason = @reason WHERE team_id = @teamId AND active = 1',
        { reason, teamId: ws.teamId },
      ),
    reactivateWorkspace: (ws, reason) =>
      db.run(
        `UPDATE subscriptions SET active = 1, deactivated_reason = NULL
         WHERE team_id = @teamId AND active = 0 AND deactivated_reason = @reason`,
        { reason, teamId: ws.teamId },
      ),
    pausedWorkspaces: async (reason) =>
      (
        await db.all(
          `SELECT DISTINCT team_id, enterprise_id FROM subscriptions
           WHERE active = 0 AND deactivated_reason = @reason AND team_id <> '' ORDER BY team_id`,
          { reason },
        )
      ).map((row) => parseRow(PausedWorkspaceRow, 'subscriptions', row)),
    deactivateChannel: (ws, channelId, reason) =>
      db.run(
        `UPDATE subscriptions SET active = 0, deactivated_reason = @reason
         WHERE team_id = @teamId AND channel_id = @channelId AND active = 1`,
        { reason, teamId: ws.teamId, channelId },
      ),
  };
}
