/**
 * The metrics the bot exposes on /metrics, as data: a contract shared by the metrics code (which registers exactly
 * these), the Grafana dashboard (tests/deploy checks it queries nothing else) and alerting. A pure module with no
 * imports, so anything can read it without starting a registry.
 */

export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface MetricDefinition {
  /** The name as registered; counters end in `_total`, durations in `_seconds`. */
  readonly name: string;
  readonly type: MetricType;
  readonly help: string;
  readonly labelNames: readonly string[];
  /** The values a label may take, where the set is closed (an open label, such as `method`, is left out). */
  readonly labelValues?: Readonly<Record<string, readonly string[]>>;
  /** Histogram bucket upper bounds, in the metric's unit. */
  readonly buckets?: readonly number[];
}

/** What a Slack request was: the `kind` label of the request metrics. */
export const REQUEST_KINDS = ['command', 'mention', 'dm', 'action', 'home', 'unfurl'] as const;
export const REQUEST_OUTCOMES = ['answered', 'not_found', 'error'] as const;
/** `reconciled`: found already posted when the sender resumed after a crash, so not posted again. */
export const NOTICE_OUTCOMES = ['sent', 'retried', 'reconciled', 'failed'] as const;

/** The bot's own metrics. */
export const BOT_METRICS = [
  {
    name: 'osm_feature_bot_requests_total',
    type: 'counter',
    help: 'Slack requests handled, by kind of request and outcome.',
    labelNames: ['kind', 'outcome'],
    labelValues: { kind: REQUEST_KINDS, outcome: REQUEST_OUTCOMES },
  },
  {
    name: 'osm_feature_bot_ack_seconds',
    type: 'histogram',
    help: 'Time from receiving a Slack request to acknowledging it, in seconds; Slack gives up after 3 s.',
    labelNames: ['kind'],
    labelValues: { kind: REQUEST_KINDS },
    // Bounds at 2 s and 3 s, so "acks close to or past Slack's deadline" is one bucket query.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
  },
  {
    name: 'osm_feature_bot_notices_total',
    type: 'counter',
    help: 'Channel change notices, by outcome: sent, retried, reconciled (already posted), failed.',
    labelNames: ['outcome'],
    labelValues: { outcome: NOTICE_OUTCOMES },
  },
  {
    name: 'osm_feature_bot_outbox_pending',
    type: 'gauge',
    help: 'Change notices waiting in the outbox to be sent.',
    labelNames: [],
  },
  {
    name: 'osm_feature_bot_outbox_oldest_pending_seconds',
    type: 'gauge',
    help: 'Age of the oldest notice waiting in the outbox, in seconds; 0 when the outbox is empty.',
    labelNames: [],
  },
  {
    name: 'osm_feature_bot_slack_rate_limited_total',
    type: 'counter',
    help: 'Slack Web API calls answered with HTTP 429 (rate limited), by API method.',
    labelNames: ['method'],
  },
  {
    name: 'osm_feature_bot_registry_info',
    type: 'gauge',
    help: 'The registry being served, by its current release and content hash; the value is always 1.',
    labelNames: ['release', 'hash'],
  },
  {
    name: 'osm_feature_bot_registry_last_change_timestamp_seconds',
    type: 'gauge',
    help: 'When the served registry last changed, as a Unix time in seconds.',
    labelNames: [],
  },
  {
    name: 'osm_feature_bot_socket_reconnects_total',
    type: 'counter',
    help: 'Socket Mode connections re-established after a drop.',
    labelNames: [],
  },
] as const satisfies readonly MetricDefinition[];

/**
 * prom-client 15's default metrics (`collectDefaultMetrics()`) as they appear on Linux, with no prefix: the
 * names, types, help and labels it registers, so the dashboard may query them too.
 */
const processMetric = (
  name: string,
  type: MetricType,
  help: string,
  labelNames: readonly string[] = [],
): MetricDefinition => ({ name, type, help, labelNames });

export const DEFAULT_PROCESS_METRICS: readonly MetricDefinition[] = [
  processMetric('process_cpu_user_seconds_total', 'counter', 'Total user CPU time spent in seconds.'),
  processMetric('process_cpu_system_seconds_total', 'counter', 'Total system CPU time spent in seconds.'),
  processMetric('process_cpu_seconds_total', 'counter', 'Total user and system CPU time spent in seconds.'),
  processMetric(
    'process_start_time_seconds',
    'gauge',
    'Start time of the process since unix epoch in seconds.',
  ),
  processMetric('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.'),
  processMetric('process_virtual_memory_bytes', 'gauge', 'Virtual memory size in bytes.'),
  processMetric('process_heap_bytes', 'gauge', 'Process heap size in bytes.'),
  processMetric('process_open_fds', 'gauge', 'Number of open file descriptors.'),
  processMetric('process_max_fds', 'gauge', 'Maximum number of open file descriptors.'),
  processMetric('nodejs_eventloop_lag_seconds', 'gauge', 'Lag of event loop in seconds.'),
  processMetric('nodejs_eventloop_lag_min_seconds', 'gauge', 'The minimum recorded event loop delay.'),
  processMetric('nodejs_eventloop_lag_max_seconds', 'gauge', 'The maximum recorded event loop delay.'),
  processMetric('nodejs_eventloop_lag_mean_seconds', 'gauge', 'The mean of the recorded event loop delays.'),
  processMetric(
    'nodejs_eventloop_lag_stddev_seconds',
    'gauge',
    'The standard deviation of the recorded event loop delays.',
  ),
  processMetric(
    'nodejs_eventloop_lag_p50_seconds',
    'gauge',
    'The 50th percentile of the recorded event loop delays.',
  ),
  processMetric(
    'nodejs_eventloop_lag_p90_seconds',
    'gauge',
    'The 90th percentile of the recorded event loop delays.',
  ),
  processMetric(
    'nodejs_eventloop_lag_p99_seconds',
    'gauge',
    'The 99th percentile of the recorded event loop delays.',
  ),
  processMetric(
    'nodejs_active_resources',
    'gauge',
    'Number of active resources that are currently keeping the event loop alive, grouped by async resource type.',
    ['type'],
  ),
  processMetric('nodejs_active_resources_total', 'gauge', 'Total number of active resources.'),
  processMetric(
    'nodejs_active_handles',
    'gauge',
    'Number of active libuv handles grouped by handle type. Every handle type is C++ class name.',
    ['type'],
  ),
  processMetric('nodejs_active_handles_total', 'gauge', 'Total number of active handles.'),
  processMetric(
    'nodejs_active_requests',
    'gauge',
    'Number of active libuv requests grouped by request type. Every request type is C++ class name.',
    ['type'],
  ),
  processMetric('nodejs_active_requests_total', 'gauge', 'Total number of active requests.'),
  processMetric('nodejs_heap_size_total_bytes', 'gauge', 'Process heap size from Node.js in bytes.'),
  processMetric('nodejs_heap_size_used_bytes', 'gauge', 'Process heap size used from Node.js in bytes.'),
  processMetric('nodejs_external_memory_bytes', 'gauge', 'Node.js external memory size in bytes.'),
  processMetric(
    'nodejs_heap_space_size_total_bytes',
    'gauge',
    'Process heap space size total from Node.js in bytes.',
    ['space'],
  ),
  processMetric(
    'nodejs_heap_space_size_used_bytes',
    'gauge',
    'Process heap space size used from Node.js in bytes.',
    ['space'],
  ),
  processMetric(
    'nodejs_heap_space_size_available_bytes',
    'gauge',
    'Process heap space size available from Node.js in bytes.',
    ['space'],
  ),
  processMetric('nodejs_version_info', 'gauge', 'Node.js version info.', [
    'version',
    'major',
    'minor',
    'patch',
  ]),
  processMetric(
    'nodejs_gc_duration_seconds',
    'histogram',
    'Garbage collection duration by kind, one of major, minor, incremental or weakcb.',
    ['kind'],
  ),
];

/** Every metric on /metrics: the bot's own, then prom-client's defaults. */
export const METRIC_CATALOGUE: readonly MetricDefinition[] = [...BOT_METRICS, ...DEFAULT_PROCESS_METRICS];

export type BotMetricName = (typeof BOT_METRICS)[number]['name'];

/** The series names a metric shows in PromQL: a histogram's `_bucket`, `_sum` and `_count`, else its own name. */
export function seriesNamesOf(metric: MetricDefinition): string[] {
  if (metric.type !== 'histogram') return [metric.name];
  return [`${metric.name}_bucket`, `${metric.name}_sum`, `${metric.name}_count`];
}
