import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { RegistryProvider } from '../registry/provider.js';
import type { Store } from '../store/store.js';
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
  client: WebClient;
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

/** Refreshes recent users' Home tabs after a registry change without a storm of views.publish calls. */
export function createHomeRefresher(deps: HomeRefresherDeps): HomeRefresher {
  const now = deps.now ?? Date.now;
  const perMinute = Math.max(1, deps.perMinute ?? DEFAULT_PER_MINUTE);
  const capacity = Math.max(1, deps.burst ?? Math.floor(perMinute / 10));
  const perMs = perMinute / 60_000;
  let tokens = capacity;
  let filledAt = now();
  const queue = new Set<string>();
  let running: Promise<number> | undefined;
  let stopped = false;
  let pause: { timer: NodeJS.Timeout; resume: () => void } | undefined;

  /** Takes a token if one is there; otherwise says how many ms until one will be. */
  const takeToken = (): number => {
    const t = now();
    tokens = Math.min(capacity, tokens + (t - filledAt) * perMs);
    filledAt = t;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - tokens) / perMs);
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
        const delay = takeToken();
        if (delay > 0) {
          deps.onWait?.(delay);
          await wait(delay);
          continue;
        }
        const [userId] = queue;
        if (userId === undefined) break;
        queue.delete(userId);
        try {
          // Each publish reads the registry afresh, so a second change during a refresh is picked up.
          await publishHome(deps, deps.client, userId);
          published += 1;
        } catch (err) {
          deps.log.warn(
            { err, user: userId },
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
      let recent: string[];
      try {
        recent = deps.store.recentHomeUsers(now() - RECENT_HOME_MS);
      } catch (err) {
        // Called fire-and-forget on a registry change: a failure here must not become an unhandled rejection.
        deps.log.error(
          { err },
          'could not list recent Home users; their views refresh when they reopen Home',
        );
        return running ?? Promise.resolve(0);
      }
      for (const userId of recent) queue.add(userId);
      running ??= drain();
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
