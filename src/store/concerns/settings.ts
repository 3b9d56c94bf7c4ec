import { z } from 'zod';
import { parseRow, SettingChangeRowSchema, SettingRowSchema } from '../rows.js';
import type { Db } from '../sql/db.js';
import type { SettingsStore } from '../store.js';
import type { SettingScope } from '../types.js';

const ChannelSettingRow = z.object({
  team_id: z.string().min(1),
  scope: z.string().min(1),
  value: z.string(),
});

/** A workspace-wide setting is stored under the scope '', a channel's under its id. */
const scopeOf = (scope: SettingScope = {}): string => scope.channelId ?? '';

/** Settings and their change record over either dialect. `now` is the store's clock. */
export function sqlSettings(db: Db, now: () => number): SettingsStore {
  return {
    list: async (ws, scope) =>
      (
        await db.all('SELECT * FROM settings WHERE team_id = @teamId AND scope = @scope ORDER BY name', {
          teamId: ws.teamId,
          scope: scopeOf(scope),
        })
      ).map((row) => parseRow(SettingRowSchema, 'settings', row, 'name')),
    set: (ws, input) =>
      // One transaction: the value and its record of change are never apart, and two admins racing each
      // record the value they replaced.
      db.transaction(async (tx) => {
        const key = { teamId: ws.teamId, scope: scopeOf(input), name: input.name };
        const row = await tx.get(
          'SELECT * FROM settings WHERE team_id = @teamId AND scope = @scope AND name = @name',
          key,
        );
        const previous = row === undefined ? undefined : parseRow(SettingRowSchema, 'settings', row, 'name');
        if (previous?.value === input.value) return { changed: false, previous: previous.value };
        const t = now();
        await tx.run(
          `INSERT INTO settings (team_id, scope, name, value, changed_by, changed_at)
           VALUES (@teamId, @scope, @name, @value, @by, @t)
           ON CONFLICT (team_id, scope, name) DO UPDATE SET value = excluded.value,
             changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
          { ...key, value: input.value, by: input.changedBy, t },
        );
        await tx.run(
          `INSERT INTO setting_changes (team_id, scope, name, old_value, value, changed_by, changed_at)
           VALUES (@teamId, @scope, @name, @old, @value, @by, @t)`,
          { ...key, old: previous?.value ?? null, value: input.value, by: input.changedBy, t },
        );
        return previous === undefined ? { changed: true } : { changed: true, previous: previous.value };
      }),
    channelsWith: async (name) =>
      (
        await db.all(
          "SELECT team_id, scope, value FROM settings WHERE name = @name AND scope <> '' ORDER BY team_id, scope",
          { name },
        )
      ).map((row) => {
        const r = parseRow(ChannelSettingRow, 'settings', row, 'scope');
        return { workspace: { teamId: r.team_id }, channelId: r.scope, value: r.value };
      }),
    changes: async (ws, query) =>
      (
        await db.all(
          `SELECT * FROM setting_changes WHERE team_id = @teamId AND scope = @scope
             AND (CAST(@name AS TEXT) IS NULL OR name = @name)
           ORDER BY id DESC LIMIT @limit`,
          {
            teamId: ws.teamId,
            scope: scopeOf(query),
            name: query.name ?? null,
            limit: Math.max(0, Math.floor(query.limit)),
          },
        )
      ).map((row) => parseRow(SettingChangeRowSchema, 'setting_changes', row)),
  };
}
