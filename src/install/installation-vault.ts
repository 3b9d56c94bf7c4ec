import type { Logger } from 'pino';
import { parseJson } from '../shared/json.js';
import type { InstallationRecord, InstallationTable } from '../store/store.js';
import { installationKey } from './installation-key.js';
import { InstallationSchema, type StoredInstallation } from './installation-schema.js';
import type { TokenCipher } from './token-cipher.js';

/** An installation found for a request: its row key and what it holds (tokens decrypted). */
export interface FoundInstallation {
  key: string;
  installation: StoredInstallation;
  /** When it was last installed (epoch ms): lifecycle events older than this are about an earlier install. */
  installedAt: number;
}

/**
 * The installations table with encryption: what goes in is encrypted with the current key, what comes out
 * is decrypted and checked with zod. Rows an older key wrote are written again with the current one when
 * read. Tokens never leave this module in a log line.
 */
export interface InstallationVault {
  /** An install (or re-install) from the OAuth flow; returns the row key. */
  save(installation: StoredInstallation): Promise<string>;
  /** A refreshed token for an active row; false when the row was uninstalled meanwhile. */
  replaceTokens(
    key: string,
    installation: StoredInstallation,
  ): Promise<boolean> /** The first of these rows that is active (see candidateKeys), or undefined. */;
  find(keys: readonly string[]): Promise<FoundInstallation | undefined>;
  /** The row by key, active or not. */
  record(key: string): Promise<InstallationRecord | undefined>;
  /** Marks the row uninstalled; false when it was not active. */
  deactivate(key: string): Promise<boolean>;
}

function expiresAtMs(installation: StoredInstallation): number | undefined {
  const seconds = installation.bot?.expiresAt;
  return seconds === undefined ? undefined : seconds * 1000;
}

export function createInstallationVault(deps: {
  table: InstallationTable;
  cipher: TokenCipher;
  log: Logger;
}): InstallationVault {
  const { table, cipher, log } = deps;
  const sealed = (installation: StoredInstallation) => {
    const { keyId, data } = cipher.encrypt(JSON.stringify(installation));
    return { keyId, dataEnc: data, tokenExpiresAt: expiresAtMs(installation) };
  };
  const open = (record: InstallationRecord): StoredInstallation => {
    const json = parseJson(cipher.decrypt(record.dataEnc));
    const checked = json.ok ? InstallationSchema.safeParse(json.value) : undefined;
    if (!checked?.success)
      throw new Error(`installation ${record.key} is stored in a shape this build cannot read`);
    return checked.data;
  };

  return {
    async save(installation) {
      const key = installationKey({
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall,
      });
      if (!key) throw new Error('the installation names neither a workspace nor an organisation');
      const { tokenExpiresAt, ...rest } = sealed(installation);
      await table.save({
        key,
        ...(installation.team?.id ? { teamId: installation.team.id } : {}),
        ...(installation.enterprise?.id ? { enterpriseId: installation.enterprise.id } : {}),
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
        ...(installation.bot?.userId ? { botUserId: installation.bot.userId } : {}),
        ...(tokenExpiresAt === undefined ? {} : { tokenExpiresAt }),
        ...rest,
      });
      return key;
    },
    async replaceTokens(key, installation) {
      const { tokenExpiresAt, ...rest } = sealed(installation);
      return table.updateTokens(key, {
        ...rest,
        ...(tokenExpiresAt === undefined ? {} : { tokenExpiresAt }),
      });
    },
    async find(keys) {
      for (const key of keys) {
        const record = await table.get(key);
        if (!record?.active) continue;
        const installation = open(record);
        if (cipher.isStale(record.dataEnc)) {
          // Written with TOKEN_ENCRYPTION_KEY_PREVIOUS: write it again with the current key.
          const { tokenExpiresAt, ...rest } = sealed(installation);
          const rewritten = await table
            .updateTokens(key, { ...rest, ...(tokenExpiresAt === undefined ? {} : { tokenExpiresAt }) })
            .catch((err: unknown) => {
              log.warn(
                { err, installation: key },
                'could not re-encrypt an installation; it is tried on next read',
              );
              return false;
            });
          if (rewritten) log.info({ installation: key }, 'installation re-encrypted with the current key');
        }
        return { key, installation, installedAt: record.installedAt };
      }
      return undefined;
    },
    record: (key) => table.get(key),
    deactivate: (key) => table.deactivate(key),
  };
}
