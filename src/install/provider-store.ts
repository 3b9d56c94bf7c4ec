import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { NotInstalledError } from '../shared/not-installed.js';
import { candidateKeys, installationKey } from './installation-key.js';
import { InstallationSchema } from './installation-schema.js';
import type { InstallationVault } from './installation-vault.js';

/**
 * Our store as @slack/oauth's installationStore (https://tools.slack.dev/bolt-js/concepts/authenticating-oauth):
 * InstallProvider hands over each installation it completes; it is checked with zod and kept encrypted.
 */
export function providerInstallationStore(vault: InstallationVault): InstallationStore {
  return {
    async storeInstallation(installation) {
      await vault.save(InstallationSchema.parse(installation));
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await vault.find(candidateKeys(query));
      if (!found) throw new NotInstalledError(query.teamId ?? query.enterpriseId ?? 'the request');
      // The stored shape is the one InstallProvider handed over, checked on the way in and out.
      return found.installation as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      if (key) await vault.deactivate(key);
    },
  };
}
