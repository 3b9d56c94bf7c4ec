import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { RegistryProvider } from '../registry/provider.js';
import { isNotInstalled } from '../shared/not-installed.js';
import type { Store, WorkspaceRef } from '../store/store.js';
import { publishHome } from './publish.js';

/** Users who opened Home within this window get their view refreshed when the registry changes. */
export const RECENT_HOME_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * views.publish is Tier 4 (100+ per minute per workspace, https://api.slack.com/methods/views.publish). Refreshes stay below it so that a
 * registry change never starves the publishes users trigger themselves by opening Home or filtering.
 */
const DEFAULT_PER_MINUTE = 80;

export interface HomeRefresherDeps {
  store: Store;
  registry: RegistryProvider;
  /** The Web API client for a workspace (its own token). */
  clientFor: (ws: WorkspaceRef) => Promise<WebClient>;
  log: Logger;
  now?: () => number;
  /** Refreshes per minute, on average. */
  perMinute?: number;
  /** Refreshes allowed back to back before the rate applies; default a tenth of a minute's worth. */
  burst?: number;
  /** Called with each wait the rate limit imposes (tests observe the pacing without reading a clock). */
  onWait?: (ms: number) => void;
}

export interface HomeRefresher {
  /**
   * Re-publishes the Home view of every user who opened it in the last 7 days, spread out by a token bucket.
   * Calls while a refresh runs join it (each user once) and resolve with the same count of views published.
   * Never rejects: a failed publish is logged and that user's view refreshes the next time they open Home.
   */
  refreshAll(): Promise<number>;
  /** Stops at once: pending refreshes are dropped and a running refreshAll resolves. */
  stop(): void;
}

/**
 * Refreshes recent users' Home tabs after a registry change without a storm of views.publish calls. The
 * rate limit is per workspace (as Slack's is), so workspaces refresh side by side.
 */
export function createHomeRefresher(deps: HomeRefresherDeps): HomeRefresher {
  const now = deps.now ?? Date.now;
  const perMinute = Math.max(1, deps.perMinute ?? DEFAULT_PER_MINUTE);
  const capacity = Math.max(1, deps.burst ?? Math.floor(perMinute / 10));
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; filledAt: number }>();
  /** Users to refresh, by "team/user", each once. */
  const queue = new Map<string, { workspace: WorkspaceRef; userId: string }>();
  let running: Promise<number> | undefined;
  let stopped = false;
  let pause: { timer: NodeJS.Timeout; resume: () => void } | undefined;

  /** Takes a token of the workspace if one is there; otherwise says how many ms until one will be. */
  const takeToken = (teamId: string): number => {
    const t = now();
    const bucket = buckets.get(teamId) ?? { tokens: capacity, filledAt: t };
    bucket.tokens = Math.min(capacity, bucket.tokens + (t - bucket.filledAt) * perMs);
    bucket.filledAt = t;
    buckets.set(teamId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / perMs);
  };

  /** The first queued user whose workspace has a token now, or how long until one does. */
  const next = (): { key: string; workspace: WorkspaceRef; userId: string } | { waitMs: number } => {
    let waitMs = Number.POSITIVE_INFINITY;
    for (const [key, entry] of queue) {
      const delay = takeToken(entry.workspace.teamId);
      if (delay === 0) return { key, ...entry };
      waitMs = Math.min(waitMs, delay);
    }
    return { waitMs };
  };

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        pause = undefined;
        resolve();
      }, ms);
      // A pending refresh must not keep the process alive at shutdown.
      timer.unref();
      pause = { timer, resume: resolve };
    });

  const drain = async (): Promise<number> => {
    let published = 0;
    try {
      while (!stopped && queue.size > 0) {
        const chosen = next();
        if ('waitMs' in chosen) {
          deps.onWait?.(chosen.waitMs);
          await wait(chosen.waitMs);
          continue;
        }
        queue.delete(chosen.key);
        try {
          // Each publish reads the registry afresh, so a second change during a refresh is picked up.
          const client = await deps.clientFor(chosen.workspace);
          await publishHome(deps, client, chosen.workspace, chosen.userId);
          published += 1;
        } catch (err) {
          if (isNotInstalled(err)) continue; // uninstalled since the user last opened Home
          deps.log.warn(
            { err, user: chosen.userId, team: chosen.workspace.teamId },
            'could not refresh a Home view; it refreshes when the user opens it',
          );
        }
      }
    } finally {
      running = undefined;
    }
    deps.log.info({ published, dropped: queue.size }, 'Home views refreshed after a registry change');
    return published;
  };

  return {
    refreshAll() {
      if (stopped) return Promise.resolve(0);
      const listed = deps.store.homes.recent(now() - RECENT_HOME_MS).then(
        (recent) => {
          for (const entry of recent) queue.set(`${entry.workspace.teamId}/${entry.userId}`, entry);
        },
        (err: unknown) => {
          // Called fire-and-forget on a registry change: a failure here must not become an unhandled rejection.
          deps.log.error(
            { err },
            'could not list recent Home users; their views refresh when they reopen Home',
          );
        },
      );
      // A refresh already running takes the new users in (each once) and answers for both calls.
      running ??= listed.then(drain);
      return running;
    },
    stop() {
      stopped = true;
      queue.clear();
      if (pause) {
        clearTimeout(pause.timer);
        pause.resume();
        pause = undefined;
      }
    },
  };
}
