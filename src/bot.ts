import type { Logger } from 'pino';
import { type AppOptions, createApp, type SlackApp } from './app.js';
import type { Config } from './config.js';
import { createHomeService } from './home/home-service.js';
import { createHomeRefresher } from './home/refresher.js';
import type { ListenerDeps } from './listeners/deps.js';
import { boltLoggerFrom } from './logger.js';
import { snapshotRegistry } from './notices/change-set.js';
import type { SenderTuning } from './notices/sender-types.js';
import { type NoticeService, startNotices } from './notices/service.js';
import { createSlackPoster } from './notices/slack-poster.js';
import type { RegistryProvider } from './registry/provider.js';
import { openRegistrySource, type RegistrySource } from './sources/registry-source.js';
import type { FetchLike } from './sources/url-poll.js';
import { openSqliteStore } from './store/sqlite-store.js';
import type { Store } from './store/store.js';
import { syncConfigSubscriptions } from './subscriptions/config-subscriptions.js';
import { createSubscriptionService } from './subscriptions/subscription-service.js';

const SEEN_EVENTS_KEEP_MS = 24 * 60 * 60 * 1000;
const SEEN_EVENTS_TRIM_EVERY_MS = 60 * 60 * 1000;

/** A running bot: what tests, the sandbox and main() hold on to. */
export interface RunningBot {
  port?: number;
  store: Store;
  /** The latest good registry (follows the file or URL as it changes). */
  registry: RegistryProvider;
  slack: SlackApp;
  /** Channel notices: events ('committed', 'sent', 'retry', 'failed'), whenIdle(). */
  notices: NoticeService;
  stop(): Promise<void>;
}

export interface BotOptions extends AppOptions {
  now?: () => number;
  /** Notice sender tuning (tests and benchmarks); defaults suit Slack. */
  notices?: Partial<SenderTuning>;
  /** Debounce for registry file events, ms (default 200). */
  registryDebounceMs?: number;
  /** fetch for REGISTRY_URL (tests). */
  fetch?: FetchLike;
}

/**
 * The composition root shared by main(), the sandbox, tests and benchmarks:
 * store → registry source → Bolt app → listeners → start → notices (outbox sender) → watch the source.
 */
export async function startBot(config: Config, log: Logger, opts: BotOptions = {}): Promise<RunningBot> {
  const mode = config.mode;
  const store = openSqliteStore(config.databaseUrl, opts.now ? { now: opts.now } : {});
  let source: RegistrySource;
  try {
    source = await openRegistrySource({
      path: config.registryPath,
      ...(config.registryUrl ? { url: config.registryUrl } : {}),
      pollSeconds: config.registryPollSeconds,
      log: log.child({ component: 'registry' }),
      fallback: () => {
        const snapshot = store.getSnapshot();
        return snapshot ? snapshotRegistry(snapshot) : undefined;
      },
      ...(opts.registryDebounceMs === undefined ? {} : { debounceMs: opts.registryDebounceMs }),
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
  } catch (err) {
    store.close();
    throw err;
  }
  const registry: RegistryProvider = { current: () => source.current() };
  log.info({ features: registry.current().features.length, source: source.origin }, 'registry loaded');

  const homeDeps = { registry, store, ...(opts.now ? { now: opts.now } : {}) };
  const deps: ListenerDeps = {
    registry,
    log,
    subscriptions: createSubscriptionService({ registry, store }),
    home: createHomeService(homeDeps),
    events: { firstSeen: async (eventId) => store.markEventSeen(eventId) },
  };
  const slack = createApp(config, deps, log, opts);
  let started: { port?: number };
  try {
    started = await slack.start();
  } catch (err) {
    source.stop();
    store.close();
    throw err;
  }

  const post = createSlackPoster({
    token: mode.botToken,
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    logger: boltLoggerFrom(log.child({ component: 'notice-client' })),
    maxRequestConcurrency: opts.notices?.concurrency ?? 50,
  });
  let notices: NoticeService;
  try {
    syncConfigSubscriptions(store, config.noticeChannels, log);
    notices = startNotices(
      {
        store,
        log: log.child({ component: 'notices' }),
        post,
        ...(opts.notices ? { tuning: opts.notices } : {}),
        ...(opts.now ? { now: opts.now } : {}),
      },
      registry.current(),
    );
  } catch (err) {
    await slack.stop();
    source.stop();
    store.close();
    throw err;
  }
  const homes = createHomeRefresher({
    ...homeDeps,
    client: slack.app.client,
    log: log.child({ component: 'home-refresh' }),
  });
  source.watch((next) => {
    notices.onRegistry(next);
    // Never rejects; rate-limited so a registry change is not a storm of views.publish calls.
    void homes.refreshAll();
  });

  // Slack redelivers an event within minutes; a day of seen event ids is plenty, and the table stays small.
  const trimSeenEvents = (): void => {
    store.trimEvents(SEEN_EVENTS_KEEP_MS);
  };
  trimSeenEvents();
  const trimTimer = setInterval(trimSeenEvents, SEEN_EVENTS_TRIM_EVERY_MS);
  trimTimer.unref();

  let stopped: Promise<void> | undefined;
  const stopAll = async (): Promise<void> => {
    clearInterval(trimTimer);
    homes.stop();
    source.stop();
    // Sends first: they need the store, and a half-sent fan-out must be finished or parked, not cut.
    await notices.stop();
    await slack.stop();
    store.close();
  };
  return {
    port: started.port,
    store,
    registry,
    slack,
    notices,
    stop() {
      stopped ??= stopAll();
      return stopped;
    },
  };
}
