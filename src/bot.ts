// The composition root shared by main.ts, the tests and the benchmarks: it wires the store, the registry source,
// the app and the notice pipeline in start order, and undoes them in reverse on stop. It stays one file so that
// order reads top to bottom in one place; each part it wires lives in its own module.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { type AppOptions, createApp, customRouteOf, type SlackApp } from './app.js';
import type { Config, SingleWorkspaceConfig } from './config.js';
import { createHomeService } from './home/home-service.js';
import { createHomeRefresher } from './home/refresher.js';
import { createInstallLifecycle, type InstallLifecycle } from './install/install-lifecycle.js';
import { createMultiWorkspace, type MultiWorkspace } from './install/multi-workspace.js';
import { tokenStillWorks } from './install/token-probe.js';
import { workspaceClients } from './install/workspace-clients.js';
import { startWorkRecovery } from './lifecycle/recover-work.js';
import type { ListenerDeps } from './listeners/deps.js';
import { boltLoggerFrom } from './logger.js';
import { registryFingerprint } from './notices/change-set.js';
import type { SenderTuning } from './notices/sender-types.js';
import { type NoticeService, startNotices } from './notices/service.js';
import { createSlackPoster } from './notices/slack-poster.js';
import { type BotMetrics, createBotMetrics } from './operate/metrics.js';
import { createOperations, type Operations } from './operate/operations.js';
import { startOpsServer } from './operate/ops-server.js';
import { rateLimitCountingFetch } from './operate/rate-limit-fetch.js';
import { slackAnswers } from './operate/slack-check.js';
import type { RegistryProvider } from './registry/provider.js';
import type { Registry } from './registry/schema.js';
import { InFlight } from './shared/in-flight.js';
import { identifyBot } from './slack-identity.js';
import { openRegistrySource } from './sources/registry-source.js';
import type { FetchLike } from './sources/url-poll.js';
import { openStore } from './store/open-store.js';
import type { Store, WorkspaceRef } from './store/store.js';
import { cachedAdminCheck } from './subscriptions/admin-check.js';
import { syncConfigSubscriptions } from './subscriptions/config-subscriptions.js';
import { createSubscriptionService } from './subscriptions/subscription-service.js';

const SEEN_EVENTS_KEEP_MS = 24 * 60 * 60 * 1000;
const SEEN_EVENTS_TRIM_EVERY_MS = 60 * 60 * 1000;
/**
 * The graceful stop's budget, within Kubernetes' default 30 s grace: requests received are answered and
 * their work finished within 10 s (HTTP and work together), then posts on the wire settle within 10 s.
 */
const HTTP_GRACE_MS = 10_000;
const WORK_GRACE_MS = 10_000;
const NOTICE_STOP_MS = 10_000;
/** How long acknowledged work is held by its replica before another may replay it. */
const WORK_LEASE_MS = 60_000;

/** This process's name on the leases it takes: unique per start, readable in the database. */
function replicaName(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** A running bot: what tests, the sandbox and main() hold on to. */
export interface RunningBot {
  /** The port /slack/events (HTTP mode) and /healthz, /readyz and /metrics listen on. */
  port?: number;
  /** METRICS_PORT's bound port, when set. */
  metricsPort?: number;
  /** Health, readiness and metrics. */
  operations: Operations;
  store: Store;
  /** The registry answers come from: the last committed one (it follows the file or URL once announced). */
  registry: RegistryProvider;
  slack: SlackApp /** The workspace a single-token bot serves, as auth.test named it (none in multi-workspace mode). */;
  workspace?: WorkspaceRef;
  /** Channel notices: events ('committed', 'sent', 'retry', 'failed'…), whenIdle(). */
  notices: NoticeService;
  stop(): Promise<void>;
}

export interface BotOptions extends AppOptions {
  now?: () => number;
  /** Notice sender tuning (tests and benchmarks); defaults suit Slack. */
  notices?: Partial<SenderTuning>;
  /** How often to adopt a registry another replica committed, ms (default 2 s). */
  registrySyncMs?: number;
  /** Debounce for registry file events, ms (default 200). */
  registryDebounceMs?: number /** fetch for REGISTRY_URL (tests). */;
  fetch?: FetchLike;
  /** This replica's name on leases (default: host, pid and a random suffix). */
  worker?: string;
  /** How often to look for work a dead replica left, ms (default 10 s). */
  workRecoveryMs?: number;
  /** How long acknowledged work is held before another replica may replay it, ms (default 60 s). */
  workLeaseMs?: number;
  /** How long a notice post may take before its outcome counts as unknown, ms (default 10 s). */
  noticeTimeoutMs?: number;
  /** Prometheus metrics (default on); benchmarks compare with them off. */
  withMetrics?: boolean;
  /** How long a readiness result answers for, ms (default 1 s). */
  readinessCacheMs?: number;
}

/** Things to undo, last first, when start-up fails half way or the bot stops. */
class Closers {
  private readonly steps: (() => Promise<void> | void)[] = [];
  push(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }
  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) await step();
  }
}

/** A bot with one bot token: it knows its workspace. */
export interface SingleWorkspaceBot extends RunningBot {
  workspace: WorkspaceRef;
}

/**
 * The composition root shared by main(), the sandbox, tests and benchmarks: store → registry source →
 * who we are in Slack (auth.test, or the installations) → notices (commit the registry, drain the outbox) →
 * Bolt app → watch.
 */
export function startBot(
  config: SingleWorkspaceConfig,
  log: Logger,
  opts?: BotOptions,
): Promise<SingleWorkspaceBot>;
export function startBot(config: Config, log: Logger, opts?: BotOptions): Promise<RunningBot>;
export async function startBot(config: Config, log: Logger, opts: BotOptions = {}): Promise<RunningBot> {
  const closers = new Closers();
  try {
    return await assemble(config, log, opts, closers);
  } catch (err) {
    await closers.run().catch(() => undefined);
    throw err;
  }
}

async function assemble(
  config: Config,
  log: Logger,
  opts: BotOptions,
  closers: Closers,
): Promise<RunningBot> {
  const { mode } = config;
  const metrics = opts.withMetrics === false ? undefined : createBotMetrics(opts.now);
  const store = await openStore(config.databaseUrl, { ...(opts.now ? { now: opts.now } : {}), log });
  closers.push(() => store.close());
  const source = await openRegistrySource({
    path: config.registryPath,
    ...(config.registryUrl ? { url: config.registryUrl } : {}),
    pollSeconds: config.registryPollSeconds,
    maxBytes: config.registryMaxBytes,
    log: log.child({ component: 'registry' }),
    fallback: async () => (await store.announcements.current())?.registry,
    ...(opts.registryDebounceMs === undefined ? {} : { debounceMs: opts.registryDebounceMs }),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  closers.push(() => source.stop());

  // Answers come from the committed registry; until notices start, that is the stored snapshot.
  let notices: NoticeService | undefined;
  const startingRegistry = (await store.announcements.current())?.registry ?? source.current();
  const registry: RegistryProvider = { current: () => notices?.registry.current() ?? startingRegistry };
  const homeDeps = {
    registry,
    store,
    isAdmin: cachedAdminCheck(opts.now),
    ...(opts.now ? { now: opts.now } : {}),
  };
  let bot: { name?: string; userId?: string } = {};
  const worker = opts.worker ?? replicaName();
  const workLeaseMs = opts.workLeaseMs ?? WORK_LEASE_MS;
  const inFlight = new InFlight();
  const multi: MultiWorkspace | undefined =
    mode.kind === 'oauth'
      ? createMultiWorkspace({
          mode,
          store,
          log,
          boltLogger: boltLoggerFrom(log.child({ component: 'install' })),
          worker,
          ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
          ...(opts.now ? { now: opts.now } : {}),
        })
      : undefined;
  const botToken = mode.kind === 'oauth' ? undefined : mode.botToken;
  const installs: InstallLifecycle =
    multi?.lifecycle ??
    createInstallLifecycle({
      store,
      log: log.child({ component: 'install' }),
      // Single-workspace mode: the one token, checked with auth.test when an uninstall event comes.
      stillInstalled: async () =>
        botToken !== undefined && (await tokenStillWorks(slack.app.client, botToken)) === true,
    });
  const deps: ListenerDeps = {
    registry,
    log,
    subscriptions: createSubscriptionService({
      registry,
      store,
      bot: () => bot,
      ...(opts.now ? { now: opts.now } : {}),
    }),
    home: createHomeService(homeDeps),
    events: store.events,
    inFlight,
    holdWork: { work: store.work, registry, log, worker, leaseMs: workLeaseMs },
    installs,
  };
  const operations = createOperations({
    store,
    registryLoaded: () => notices !== undefined,
    slack:
      mode.kind === 'socket'
        ? { live: () => slack.connected() }
        : {
            answers: slackAnswers({
              ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
              ...(botToken ? { botToken } : {}),
              logger: boltLoggerFrom(log.child({ component: 'readiness' })),
            }),
          },
    ...(metrics ? { metrics } : {}),
    ...(config.metricsPort === undefined ? {} : { metricsPort: config.metricsPort }),
    host: config.host,
    log,
    ...(opts.readinessCacheMs === undefined ? {} : { readinessCacheMs: opts.readinessCacheMs }),
  });
  closers.push(() => operations.close());
  const slack = createApp(config, deps, log, {
    ...opts,
    routes: [...(opts.routes ?? []), ...(multi?.routes ?? []), ...operations.routes.map(customRouteOf)],
    ...(multi ? { authorize: multi.authorizer.authorize } : {}),
    ...(metrics ? { metrics } : {}),
    socket: { ...opts.socket, onReconnect: () => metrics?.socketReconnected() },
  });
  const metricsPort = await operations.startMetricsServer();
  // Socket Mode has no HTTP receiver: the operational routes get a server of their own on PORT, started
  // before the socket connects so that probes answer (not ready) while it does.
  let opsPort: number | undefined;
  if (mode.kind === 'socket') {
    const ops = await startOpsServer(operations.routes, config.port, config.host);
    closers.push(() => ops.close());
    opsPort = ops.port;
  }

  let workspace: WorkspaceRef | undefined;
  if (mode.kind !== 'oauth') {
    const identity = await identifyBot(slack.app.client);
    bot = { ...(identity.name ? { name: identity.name } : {}), userId: identity.userId };
    workspace = identity.workspace;
    const adopted = await store.adoptLegacyRows(workspace);
    if (adopted > 0)
      log.info({ adopted, team: workspace.teamId }, 'rows from an older build given to this workspace');
    await syncConfigSubscriptions(store, workspace, config.noticeChannels, log);
  } else {
    const installed = await store.installations.listActive();
    log.info({ installations: installed.length }, 'serving every installed workspace');
  }
  log.info({ features: source.current().features.length, source: source.origin }, 'registry loaded');
  const tokenFor = multi ? (ws: WorkspaceRef) => multi.authorizer.tokenFor(ws) : async () => botToken ?? '';
  const poster = createSlackPoster({
    tokenFor,
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    logger: boltLoggerFrom(log.child({ component: 'notice-client' })),
    maxRequestConcurrency: opts.notices?.concurrency ?? 50,
    ...(metrics ? { fetch: rateLimitCountingFetch(metrics) } : {}),
    ...(opts.noticeTimeoutMs === undefined ? {} : { timeoutMs: opts.noticeTimeoutMs }),
  });
  notices = await startNotices(
    {
      store,
      log: log.child({ component: 'notices' }),
      slack: poster,
      worker,
      tuning: { stopTimeoutMs: NOTICE_STOP_MS, ...opts.notices },
      ...(opts.registrySyncMs === undefined ? {} : { syncMs: opts.registrySyncMs }),
      ...(opts.now ? { now: opts.now } : {}),
    },
    source.current(),
    source.version(),
  );
  const running = notices;
  closers.push(() => running.stop());
  if (metrics) watchForMetrics(metrics, running, store, opts.now ?? Date.now);

  const started = await slack.start();
  closers.push(async () => {
    // Stop taking requests and let those received, and the work they started, finish; what cannot finish in
    // time is handed back, for another replica (or the next start) to replay.
    const [, finished] = await Promise.all([slack.stop(HTTP_GRACE_MS), inFlight.idle(WORK_GRACE_MS)]);
    if (!finished) {
      const handed = await store.work.handBack(worker).catch(() => 0);
      log.warn(
        { inFlight: inFlight.size, handed },
        'stopping with work unfinished; it is handed to the next replica',
      );
    }
  });
  const recovery = startWorkRecovery({
    app: slack.app,
    store,
    log: log.child({ component: 'work-recovery' }),
    worker,
    leaseMs: workLeaseMs,
    ...(opts.workRecoveryMs === undefined ? {} : { everyMs: opts.workRecoveryMs }),
  });
  closers.push(() => recovery.stop());
  const homes = createHomeRefresher({
    ...homeDeps,
    clientFor: multi
      ? workspaceClients(
          tokenFor,
          config.slackApiUrl,
          boltLoggerFrom(log.child({ component: 'home-client' })),
        )
      : async () => slack.app.client,
    log: log.child({ component: 'home-refresh' }),
  });
  closers.push(() => homes.stop());
  // Never rejects; rate-limited so a registry change is not a storm of views.publish calls.
  running.on('committed', () => void homes.refreshAll());
  running.on('adopted', () => void homes.refreshAll());
  source.watch((next, version) => void running.onRegistry(next, version));

  // Slack redelivers an event within minutes; a day of seen event ids is plenty, and the table stays small.
  const trimSeenEvents = (): void => {
    store.events.trim(SEEN_EVENTS_KEEP_MS).catch((err: unknown) => {
      log.warn({ err }, 'could not trim seen event ids; trying again in an hour');
    });
  };
  trimSeenEvents();
  const trimTimer = setInterval(trimSeenEvents, SEEN_EVENTS_TRIM_EVERY_MS);
  trimTimer.unref();
  closers.push(() => clearInterval(trimTimer));

  let stopped: Promise<void> | undefined;
  const port = started.port ?? opsPort;
  return {
    ...(port === undefined ? {} : { port }),
    ...(metricsPort === undefined ? {} : { metricsPort }),
    operations,
    store,
    registry,
    slack,
    ...(workspace ? { workspace } : {}),
    notices: running,
    stop() {
      stopped ??= closers.run();
      return stopped;
    },
  };
}

/** The registry's release and a short content hash: the labels of osm_feature_bot_registry_info. */
function registryLabels(registry: Registry): [string, string] {
  return [registry.current_release ?? 'none', registryFingerprint(registry).hash.slice(0, 12)];
}

/** Wires the notice pipeline and the store to the metrics: notices by outcome, the registry, the outbox. */
function watchForMetrics(metrics: BotMetrics, notices: NoticeService, store: Store, now: () => number): void {
  notices.on('sent', () => metrics.notice('sent'));
  notices.on('retry', () => metrics.notice('retried'));
  notices.on('reconciled', () => metrics.notice('reconciled'));
  notices.on('failed', () => metrics.notice('failed'));
  const served = (registry: Registry): void => metrics.registry(...registryLabels(registry));
  served(notices.registry.current());
  void store.announcements.current().then(
    (snapshot) => metrics.registryChanged(snapshot?.announcedAt ?? now()),
    () => metrics.registryChanged(now()),
  );
  const changed = (): void => {
    served(notices.registry.current());
    metrics.registryChanged(now());
  };
  notices.on('committed', changed);
  notices.on('adopted', changed);
  metrics.readOutbox(() => store.outbox.pending());
}
