import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { BotMetrics } from './metrics.js';
import { healthRoute, metricsRoute, type OpsRoute, readyRoute } from './ops-routes.js';
import { type OpsServer, startOpsServer } from './ops-server.js';
import { createReadiness, type Readiness, type ReadinessCheck, throttledCheck } from './readiness.js';

export interface OperationsOptions {
  store: Pick<Store, 'ping'>;
  /** True once the registry answers are served from is loaded. */
  registryLoaded: () => boolean;
  /** Socket Mode: a live socket; HTTP: Slack answers auth.test. */
  slack: { live: () => boolean } | { answers: () => Promise<boolean> };
  metrics?: BotMetrics;
  /** METRICS_PORT: /metrics is served there alone, and not with the other routes. */
  metricsPort?: number;
  host: string;
  log: Logger;
  /** How long a readiness result answers for, ms (default 1 s); tests use 0. */
  readinessCacheMs?: number;
}

/** Slack's auth.test is asked at most every 30 s while it passes, every 2 s while it fails. */
const SLACK_OK_MS = 30_000;
const SLACK_FAILING_MS = 2_000;

/** Health, readiness and metrics: the routes for the main port, and /metrics' own server when asked for. */
export interface Operations {
  readiness: Readiness;
  /** The routes the main port serves besides /slack/events: /healthz, /readyz, and /metrics unless moved. */
  routes: OpsRoute[];
  /** Starts /metrics on METRICS_PORT (when set); resolves to the port bound. */
  startMetricsServer(): Promise<number | undefined>;
  close(): Promise<void>;
}

export function createOperations(opts: OperationsOptions): Operations {
  const slack: ReadinessCheck =
    'live' in opts.slack
      ? opts.slack.live
      : throttledCheck(opts.slack.answers, SLACK_OK_MS, SLACK_FAILING_MS);
  const readiness = createReadiness(
    {
      registry: opts.registryLoaded,
      store: async () => {
        await opts.store.ping();
        return true;
      },
      slack,
    },
    opts.readinessCacheMs === undefined ? {} : { cacheMs: opts.readinessCacheMs },
  );
  const routes: OpsRoute[] = [healthRoute, readyRoute(readiness)];
  const metrics = opts.metrics;
  if (metrics && opts.metricsPort === undefined) routes.push(metricsRoute(metrics));
  let server: OpsServer | undefined;
  return {
    readiness,
    routes,
    async startMetricsServer() {
      if (!metrics || opts.metricsPort === undefined) return undefined;
      server = await startOpsServer([metricsRoute(metrics)], opts.metricsPort, opts.host);
      opts.log.info({ port: server.port }, 'serving /metrics on METRICS_PORT');
      return server.port;
    },
    async close() {
      await server?.close();
    },
  };
}
