import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BOT_METRICS,
  DEFAULT_PROCESS_METRICS,
  METRIC_CATALOGUE,
  REQUEST_KINDS,
  seriesNamesOf,
} from '../../../src/operate/metric-names.js';

// Prometheus' data model: metric and label names.
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

describe('the metric catalogue', () => {
  it('names every metric of the contract once, with the bot prefix on its own metrics', () => {
    expect(BOT_METRICS.map((m) => m.name)).toEqual([
      'osm_feature_bot_requests_total',
      'osm_feature_bot_ack_seconds',
      'osm_feature_bot_notices_total',
      'osm_feature_bot_outbox_pending',
      'osm_feature_bot_outbox_oldest_pending_seconds',
      'osm_feature_bot_slack_rate_limited_total',
      'osm_feature_bot_registry_info',
      'osm_feature_bot_registry_last_change_timestamp_seconds',
      'osm_feature_bot_socket_reconnects_total',
    ]);
    const series = METRIC_CATALOGUE.flatMap(seriesNamesOf);
    expect(new Set(series).size).toBe(series.length);
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
    ])
      expect(DEFAULT_PROCESS_METRICS.map((m) => m.name)).toContain(name);
  });

  it.each(METRIC_CATALOGUE.map((m) => [m.name, m] as const))('%s is well formed', (_name, m) => {
    expect(m.name).toMatch(METRIC_NAME);
    expect(m.help.length).toBeGreaterThan(10);
    for (const label of m.labelNames) expect(label).toMatch(LABEL_NAME);
    // A counter's name ends in _total (OpenMetrics). prom-client has gauges named *_total; ours never do.
    if (m.type === 'counter') expect(m.name).toMatch(/_total$/);
    if (m.name.startsWith('osm_feature_bot_')) expect(m.name.endsWith('_total')).toBe(m.type === 'counter');
    for (const [label, values] of Object.entries(m.labelValues ?? {})) {
      expect(m.labelNames).toContain(label);
      expect(new Set(values).size).toBe(values.length);
    }
    if (m.buckets) {
      expect(m.type).toBe('histogram');
      expect([...m.buckets].sort((a, b) => a - b)).toEqual(m.buckets);
    }
  });

  it('gives the ack histogram a bucket at Slack’s 3 s deadline, per request kind', () => {
    const ack = BOT_METRICS.find((m) => m.name === 'osm_feature_bot_ack_seconds');
    expect(ack?.buckets).toContain(3);
    expect(ack?.labelValues).toEqual({ kind: REQUEST_KINDS });
    expect(seriesNamesOf(ack ?? BOT_METRICS[0])).toEqual([
      'osm_feature_bot_ack_seconds_bucket',
      'osm_feature_bot_ack_seconds_sum',
      'osm_feature_bot_ack_seconds_count',
    ]);
  });

  it('is a pure module: it imports nothing but types', () => {
    const source = readFileSync(new URL('../../../src/operate/metric-names.ts', import.meta.url), 'utf8');
    const imports = source.split('\n').filter((line) => /^\s*(import|export .* from)\b/.test(line));
    expect(imports.filter((line) => !/^\s*import type\b/.test(line))).toEqual([]);
  });
});
