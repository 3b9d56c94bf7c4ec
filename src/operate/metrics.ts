import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import {
  BOT_METRICS,
  type BotMetricName,
  type MetricDefinition,
  type NOTICE_OUTCOMES,
  type REQUEST_KINDS,
  type REQUEST_OUTCOMES,
} from './metric-names.js';

export type RequestKind = (typeof REQUEST_KINDS)[number];
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number];

/** The outbox as the gauges read it, on each scrape. */
export interface OutboxReading {
  count: number;
  oldestCreatedAt?: number;
}

/** What the bot records; every method is cheap (a map update), so it can sit on the request path. */
export interface BotMetrics {
  request(kind: RequestKind, outcome: RequestOutcome): void;
  acked(kind: RequestKind, seconds: number): void;
  notice(outcome: NoticeOutcome): void;
  rateLimited(method: string): void;
  registry(release: string, hash: string): void;
  registryChanged(atMs: number): void;
  socketReconnected(): void;
  /** Where the outbox gauges read from; without one they stay 0. */
  readOutbox(read: () => Promise<OutboxReading>): void;
  /** The Prometheus text exposition of every metric. */
  render(): Promise<string>;
  readonly contentType: string;
}

function definition(name: BotMetricName): MetricDefinition {
  const found: MetricDefinition | undefined = BOT_METRICS.find((m) => m.name === name);
  if (!found) throw new Error(`metric ${name} is not in the catalogue`);
  return found;
}

function options(name: BotMetricName, registry: Registry) {
  const d = definition(name);
  return { name: d.name, help: d.help, labelNames: [...d.labelNames], registers: [registry] };
}

/** A scrape must not wait long on a slow database: the outbox gauges keep their last values instead. */
const OUTBOX_READ_TIMEOUT_MS = 2_000;
/** Several scrapers (replicated Prometheus) within this window share one outbox read. */
const OUTBOX_READ_EVERY_MS = 1_000;

/**
 * Creates the bot's metrics in their own registry (never prom-client's global one, so two bots in one process
 * stay apart): exactly the catalogue's metrics plus prom-client's default process metrics.
 */
export function createBotMetrics(now: () => number = Date.now): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter(options('osm_feature_bot_requests_total', registry));
  const ackBuckets = definition('osm_feature_bot_ack_seconds').buckets ?? [];
  const ack = new Histogram({
    ...options('osm_feature_bot_ack_seconds', registry),
    buckets: [...ackBuckets],
  });
  const notices = new Counter(options('osm_feature_bot_notices_total', registry));
  const rateLimited = new Counter(options('osm_feature_bot_slack_rate_limited_total', registry));
  const registryInfo = new Gauge(options('osm_feature_bot_registry_info', registry));
  const registryChanged = new Gauge(
    options('osm_feature_bot_registry_last_change_timestamp_seconds', registry),
  );
  const reconnects = new Counter(options('osm_feature_bot_socket_reconnects_total', registry));

  let readOutbox: (() => Promise<OutboxReading>) | undefined;
  let last: { at: number; reading: Promise<OutboxReading | undefined> } | undefined;
  let lastGood: OutboxReading = { count: 0 };
  const outbox = (): Promise<OutboxReading> => {
    const read = readOutbox;
    if (!read) return Promise.resolve(lastGood);
    if (!last || now() - last.at >= OUTBOX_READ_EVERY_MS) {
      last = { at: now(), reading: withTimeout(read(), OUTBOX_READ_TIMEOUT_MS) };
    }
    return last.reading.then((r) => {
      if (r) lastGood = r;
      return lastGood;
    });
  };
  new Gauge({
    ...options('osm_feature_bot_outbox_pending', registry),
    async collect() {
      this.set((await outbox()).count);
    },
  });
  new Gauge({
    ...options('osm_feature_bot_outbox_oldest_pending_seconds', registry),
    async collect() {
      const { oldestCreatedAt } = await outbox();
      this.set(oldestCreatedAt === undefined ? 0 : Math.max(0, (now() - oldestCreatedAt) / 1000));
    },
  });
  // Every closed label pair shows from the start at 0, so rate() has a series before the first request.
  for (const kind of definition('osm_feature_bot_requests_total').labelValues?.kind ?? []) {
    for (const outcome of definition('osm_feature_bot_requests_total').labelValues?.outcome ?? [])
      requests.inc({ kind, outcome }, 0);
  }
  for (const outcome of definition('osm_feature_bot_notices_total').labelValues?.outcome ?? [])
    notices.inc({ outcome }, 0);
  reconnects.inc(0);

  return {
    request: (kind, outcome) => requests.inc({ kind, outcome }),
    acked: (kind, seconds) => ack.observe({ kind }, seconds),
    notice: (outcome) => notices.inc({ outcome }),
    rateLimited: (method) => rateLimited.inc({ method }),
    registry(release, hash) {
      registryInfo.reset();
      registryInfo.set({ release, hash }, 1);
    },
    registryChanged: (atMs) => registryChanged.set(atMs / 1000),
    socketReconnected: () => reconnects.inc(),
    readOutbox(read) {
      readOutbox = read;
      last = undefined;
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

/** The value, or undefined once `ms` have passed (or it failed): a gauge keeps its last good value. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}
