import type { AuthorizeResult, AuthorizeSourceData } from '@slack/bolt';
import type { Logger } from 'pino';
import { NotInstalledError } from '../shared/not-installed.js';
import type { LeaseStore, WorkspaceRef } from '../store/store.js';
import { candidateKeys, type InstallationScope } from './installation-key.js';
import type { StoredInstallation } from './installation-schema.js';
import type { FoundInstallation, InstallationVault } from './installation-vault.js';
import type { TokenRefresher } from './token-refresh.js';

/** InstallProvider refreshes a rotating token when it has less than two hours to live; so do we. */
export const REFRESH_BEFORE_MS = 2 * 60 * 60 * 1000;
/** How long a looked-up installation serves requests before it is read again (other replicas' changes). */
export const INSTALLATION_CACHE_MS = 10_000;
/** The refresh lease outlives a refresh call (10 s timeout) with room to spare. */
const REFRESH_LEASE_MS = 30_000;
/** How long to wait for another replica's refresh of an expired token, and how often to look. */
const REFRESH_WAIT_MS = 10_000;
const REFRESH_POLL_MS = 100;

/** Tokens per installation, for requests (Bolt's authorize) and for what the bot sends on its own. */
export interface Authorizer {
  /** Bolt's `authorize`: the installation that serves the request; rejects with NotInstalledError. */
  authorize(
    source: AuthorizeSourceData<boolean>,
  ): Promise<AuthorizeResult> /** The bot token for a workspace (notices, Home refreshes); rejects with NotInstalledError. */;
  tokenFor(scope: WorkspaceRef | InstallationScope): Promise<string>;
  /** Drops cached installations: after an install, an uninstall or a revoke in this replica. */
  forget(): void;
}

export interface AuthorizerDeps {
  vault: InstallationVault;
  leases: LeaseStore;
  refresh: TokenRefresher;
  /** This replica's name on the refresh leases. */
  worker: string;
  log: Logger;
  now?: () => number;
  cacheMs?: number;
}

const expiresAt = (i: StoredInstallation): number | undefined =>
  i.bot?.expiresAt === undefined ? undefined : i.bot.expiresAt * 1000;

/**
 * Looks installations up through a short cache, and refreshes rotating tokens before they expire. A refresh
 * runs under the installation's lease in the store, shared by every replica: Slack accepts a refresh token
 * once, so two replicas refreshing together would lock the workspace out. A replica that finds the lease
 * taken keeps using the current token while it is still valid, or waits for the other's refresh.
 */
export function createAuthorizer(deps: AuthorizerDeps): Authorizer {
  const now = deps.now ?? Date.now;
  const cacheMs = deps.cacheMs ?? INSTALLATION_CACHE_MS;
  const cache = new Map<string, { found: FoundInstallation; until: number }>();
  const refreshing = new Map<string, Promise<FoundInstallation>>();
  const wantsRefresh = (f: FoundInstallation): boolean => {
    const at = expiresAt(f.installation);
    return (
      at !== undefined && f.installation.bot?.refreshToken !== undefined && at - now() < REFRESH_BEFORE_MS
    );
  };
  const expired = (f: FoundInstallation): boolean => {
    const at = expiresAt(f.installation);
    return at !== undefined && at <= now();
  };

  const exchange = async (current: FoundInstallation): Promise<FoundInstallation> => {
    const bot = current.installation.bot;
    if (!bot?.refreshToken) return current;
    const fresh = await deps.refresh(bot.refreshToken);
    const installation: StoredInstallation = {
      ...current.installation,
      bot: {
        ...bot,
        token: fresh.accessToken,
        refreshToken: fresh.refreshToken,
        expiresAt: Math.floor(now() / 1000) + fresh.expiresInSeconds,
      },
    };
    if (!(await deps.vault.replaceTokens(current.key, installation)))
      throw new NotInstalledError(current.key);
    deps.log.info({ installation: current.key, expiresIn: fresh.expiresInSeconds }, 'bot token refreshed');
    return { ...current, installation };
  };

  const refreshUnderLease = async (found: FoundInstallation): Promise<FoundInstallation> => {
    const lease = `refresh:${found.key}`;
    const giveUpAt = now() + REFRESH_WAIT_MS;
    for (;;) {
      if (await deps.leases.acquire(lease, deps.worker, REFRESH_LEASE_MS)) {
        try {
          // Read again under the lease: another replica may have refreshed since we looked.
          const latest = await deps.vault.find([found.key]);
          if (!latest) throw new NotInstalledError(found.key);
          return wantsRefresh(latest) ? await exchange(latest) : latest;
        } finally {
          await deps.leases.release(lease, deps.worker);
        }
      }
      const latest = await deps.vault.find([found.key]);
      if (!latest) throw new NotInstalledError(found.key);
      if (!expired(latest)) return latest;
      if (now() >= giveUpAt)
        throw new Error(`the token of ${found.key} expired and another replica's refresh did not finish`);
      await new Promise((resolve) => setTimeout(resolve, REFRESH_POLL_MS));
    }
  };

  const refreshed = async (found: FoundInstallation): Promise<FoundInstallation> => {
    let running = refreshing.get(found.key);
    if (!running) {
      running = refreshUnderLease(found).finally(() => refreshing.delete(found.key));
      refreshing.set(found.key, running);
    }
    try {
      return await running;
    } catch (err) {
      // A refresh that failed (Slack unreachable) leaves the current token, while it still works.
      if (err instanceof NotInstalledError || expired(found)) throw err;
      deps.log.warn({ err, installation: found.key }, 'could not refresh a bot token; using the current one');
      return found;
    }
  };

  const resolve = async (scope: InstallationScope): Promise<FoundInstallation> => {
    const keys = candidateKeys(scope);
    const cacheKey = keys.join('|');
    const hit = cache.get(cacheKey);
    if (hit && hit.until > now() && !wantsRefresh(hit.found)) return hit.found;
    let found = await deps.vault.find(keys);
    if (!found) {
      cache.delete(cacheKey);
      throw new NotInstalledError(scope.teamId ?? scope.enterpriseId ?? 'the request');
    }
    if (wantsRefresh(found)) found = await refreshed(found);
    cache.set(cacheKey, { found, until: now() + cacheMs });
    return found;
  };

  return {
    async authorize(source) {
      const { installation } = await resolve(source);
      const bot = installation.bot;
      if (!bot) throw new NotInstalledError(source.teamId ?? source.enterpriseId ?? 'the request');
      const teamId = installation.team?.id ?? source.teamId;
      const enterpriseId = installation.enterprise?.id ?? source.enterpriseId;
      return {
        botToken: bot.token,
        botId: bot.id,
        botUserId: bot.userId,
        ...(teamId ? { teamId } : {}),
        ...(enterpriseId ? { enterpriseId } : {}),
      };
    },
    async tokenFor(scope) {
      const { installation } = await resolve(scope);
      if (!installation.bot)
        throw new NotInstalledError(scope.teamId ?? scope.enterpriseId ?? 'the workspace');
      return installation.bot.token;
    },
    forget: () => cache.clear(),
  };
}
