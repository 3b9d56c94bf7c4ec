import type { Logger } from 'pino';
import type { Store, WorkspaceRef } from '../store/store.js';
import type { Authorizer } from './authorizer.js';
import { type InstallationScope, installationKey } from './installation-key.js';
import type { StoredInstallation } from './installation-schema.js';
import type { InstallationVault } from './installation-vault.js';

/** Why subscriptions are paused when the app leaves a workspace; a re-install resumes exactly these. */
export const UNINSTALLED = 'app uninstalled';
/** Why an organisation's workspace is paused when an org admin takes the app's access away. */
export const ACCESS_REVOKED = 'organisation access revoked';

/** What an uninstall or revoke event says, as data. */
export interface DepartureEvent {
  scope: InstallationScope;
  what: 'app_uninstalled' | 'tokens_revoked';
}

/** Installs and uninstalls, as they change what the bot does for a workspace. */
export interface InstallLifecycle {
  /** After an install is stored: resume subscriptions paused by an uninstall. */
  installed(installation: StoredInstallation): Promise<void>;
  /**
   * The app was uninstalled or its bot token revoked (Slack sends both, in either order): stop using the
   * token, pause the workspace's subscriptions and drop its pending notices, keeping the records.
   */
  departed(event: DepartureEvent): Promise<void>;
  /** An org admin granted or revoked an org-wide install's access to workspaces. */
  teamAccess(enterpriseId: string | undefined, teamIds: readonly string[], granted: boolean): Promise<void>;
}

export interface InstallLifecycleDeps {
  store: Store;
  log: Logger /**
   * Whether the installation's bot token still works (auth.test). Slack may deliver an uninstall's events
   * late, after a re-install: the token then still works, and the event is about the earlier install.
   */;
  stillInstalled(scope: InstallationScope): Promise<boolean>;
  /** Multi-workspace mode: the installations and their cached tokens. */
  vault?: InstallationVault;
  authorizer?: Authorizer;
}

/** The same for either mode; in single-workspace mode there is no installation row to keep. */
export function createInstallLifecycle(deps: InstallLifecycleDeps): InstallLifecycle {
  const { store, log } = deps;
  const pause = async (ws: WorkspaceRef, reason: string): Promise<void> => {
    const paused = await store.subscriptions.deactivateWorkspace(ws, reason);
    const dropped = await store.outbox.dropPending(ws, reason);
    log.info({ team: ws.teamId, paused, dropped, reason }, 'workspace paused');
  };
  /** The workspaces an installation served: its own, or those of its organisation with no install of theirs. */
  const servedBy = async (key: string, scope: InstallationScope): Promise<WorkspaceRef[]> => {
    if (!key.startsWith('E:')) {
      if (!scope.teamId) return [];
      return [
        scope.enterpriseId
          ? { teamId: scope.teamId, enterpriseId: scope.enterpriseId }
          : { teamId: scope.teamId },
      ];
    }
    const teams = new Map<string, WorkspaceRef>();
    for (const sub of await store.subscriptions.listActive())
      if (sub.workspace.enterpriseId === scope.enterpriseId) teams.set(sub.workspace.teamId, sub.workspace);
    const served: WorkspaceRef[] = [];
    for (const ws of teams.values()) {
      const own = await deps.vault?.record(`T:${ws.teamId}`);
      if (!own?.active) served.push(ws);
    }
    return served;
  };

  return {
    async installed(installation) {
      deps.authorizer?.forget();
      const scope = {
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
      };
      const workspaces = scope.isEnterpriseInstall
        ? (await store.subscriptions.pausedWorkspaces(UNINSTALLED)).filter(
            (ws) => ws.enterpriseId === scope.enterpriseId,
          )
        : scope.teamId
          ? [{ teamId: scope.teamId }]
          : [];
      for (const ws of workspaces) {
        const resumed = await store.subscriptions.reactivateWorkspace(ws, UNINSTALLED);
        if (resumed > 0) log.info({ team: ws.teamId, resumed }, 'subscriptions resumed after a re-install');
      }
    },

    async departed(event) {
      const key = installationKey(event.scope);
      if (!key) return;
      deps.authorizer?.forget();
      if (await deps.stillInstalled(event.scope)) {
        log.info({ installation: key, event: event.what }, 'ignoring an event about an earlier install');
        return;
      }
      if (deps.vault) {
        const deactivated = await deps.vault.deactivate(key);
        deps.authorizer?.forget();
        // The other event of the pair already paused what this installation served.
        if (!deactivated && (await deps.vault.record(key))?.active === false) return;
      }
      for (const ws of await servedBy(key, event.scope)) await pause(ws, UNINSTALLED);
    },

    async teamAccess(enterpriseId, teamIds, granted) {
      deps.authorizer?.forget();
      for (const teamId of teamIds) {
        const ws = enterpriseId ? { teamId, enterpriseId } : { teamId };
        if (!granted) await pause(ws, ACCESS_REVOKED);
        else {
          const resumed = await store.subscriptions.reactivateWorkspace(ws, ACCESS_REVOKED);
          log.info({ team: teamId, resumed }, 'organisation access granted');
        }
      }
    },
  };
}
