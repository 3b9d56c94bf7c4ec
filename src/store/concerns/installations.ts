import { z } from 'zod';
import { parseRow } from '../rows.js';
import type { Db } from '../sql/db.js';
import type { InstallationRecord, InstallationTable } from '../store.js';

const optional = z
  .string()
  .nullable()
  .transform((v) => v ?? undefined);
const optionalMs = z
  .number()
  .int()
  .nullable()
  .transform((v) => v ?? undefined);

const InstallationRow = z
  .object({
    installation_key: z.string().min(1),
    team_id: optional,
    enterprise_id: optional,
    is_enterprise_install: z.union([z.literal(0), z.literal(1)]),
    bot_user_id: optional,
    key_id: z.string(),
    data_enc: z.string(),
    token_expires_at: optionalMs,
    active: z.union([z.literal(0), z.literal(1)]),
    installed_at: z.number().int(),
    updated_at: z.number().int(),
    uninstalled_at: optionalMs,
  })
  .transform(
    (r): InstallationRecord => ({
      key: r.installation_key,
      ...(r.team_id === undefined ? {} : { teamId: r.team_id }),
      ...(r.enterprise_id === undefined ? {} : { enterpriseId: r.enterprise_id }),
      isEnterpriseInstall: r.is_enterprise_install === 1,
      ...(r.bot_user_id === undefined ? {} : { botUserId: r.bot_user_id }),
      keyId: r.key_id,
      dataEnc: r.data_enc,
      ...(r.token_expires_at === undefined ? {} : { tokenExpiresAt: r.token_expires_at }),
      active: r.active === 1,
      installedAt: r.installed_at,
      updatedAt: r.updated_at,
      ...(r.uninstalled_at === undefined ? {} : { uninstalledAt: r.uninstalled_at }),
    }),
  );

const toRecord = (row: unknown): InstallationRecord =>
  parseRow(InstallationRow, 'installations', row, 'installation_key');

/** OAuth installations (encrypted by the caller) over either dialect. */
export function sqlInstallations(db: Db, clock: () => number): InstallationTable {
  return {
    save: async (r, now = clock()) => {
      await db.run(
        `INSERT INTO installations (installation_key, team_id, enterprise_id, is_enterprise_install, bot_user_id,
           key_id, data_enc, token_expires_at, active, installed_at, updated_at, uninstalled_at)
         VALUES (@key, @teamId, @enterpriseId, @isEnterprise, @botUserId, @keyId, @data, @expiresAt, 1, @now, @now, NULL)
         ON CONFLICT (installation_key) DO UPDATE SET team_id = excluded.team_id,
           enterprise_id = excluded.enterprise_id, is_enterprise_install = excluded.is_enterprise_install,
           bot_user_id = excluded.bot_user_id, key_id = excluded.key_id, data_enc = excluded.data_enc,           token_expires_at = excluded.token_expires_at, active = 1, installed_at = excluded.installed_at,
           updated_at = excluded.updated_at, uninstalled_at = NULL`,
        {
          key: r.key,
          teamId: r.teamId ?? null,
          enterpriseId: r.enterpriseId ?? null,
          isEnterprise: r.isEnterpriseInstall ? 1 : 0,
          botUserId: r.botUserId ?? null,
          keyId: r.keyId,
          data: r.dataEnc,
          expiresAt: r.tokenExpiresAt ?? null,
          now,
        },
      );
    },
    updateTokens: async (key, next, now = clock()) =>
      (await db.run(
        `UPDATE installations SET key_id = @keyId, data_enc = @data, token_expires_at = @expiresAt,
           updated_at = @now WHERE installation_key = @key AND active = 1`,
        { key, keyId: next.keyId, data: next.dataEnc, expiresAt: next.tokenExpiresAt ?? null, now },
      )) === 1,
    get: async (key) => {
      const row = await db.get('SELECT * FROM installations WHERE installation_key = @key', { key });
      return row === undefined ? undefined : toRecord(row);
    },
    deactivate: async (key, now = clock()) =>
      (await db.run(
        'UPDATE installations SET active = 0, uninstalled_at = @now, updated_at = @now WHERE installation_key = @key AND active = 1',
        { key, now },
      )) === 1,
    listActive: async () =>
      (
        await db.all('SELECT * FROM installations WHERE active = 1 ORDER BY installed_at, installation_key')
      ).map(toRecord),
  };
}
