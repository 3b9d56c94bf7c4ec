import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_METRICS, METRIC_CATALOGUE, seriesNamesOf } from '../../src/operate/metric-names.js';
import { REPO_ROOT } from './support/kustomize.js';
import { type MetricSelector, metricSelectors, variableQuerySelectors } from './support/promql.js';

interface Target {
  expr?: string;
  datasource?: { type?: string; uid?: string };
}
interface Panel {
  type: string;
  title: string;
  datasource?: { type?: string; uid?: string };
  targets?: Target[];
  panels?: Panel[];
}
interface Variable {
  name: string;
  type: string;
  query?: string | { query?: string };
  datasource?: { type?: string; uid?: string };
}
interface Dashboard {
  schemaVersion: number;
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: Variable[] };
}

const dashboard = JSON.parse(
  readFileSync(`${REPO_ROOT}deploy/grafana/osm-feature-bot.json`, 'utf8'),
) as Dashboard;
const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]).filter((p) => p.type !== 'row');
const targets = panels.flatMap((p) =>
  (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr ?? '', t })),
);
const variableQueries = dashboard.templating.list
  .filter((v) => v.type === 'query')
  .map((v) => ({ name: v.name, query: typeof v.query === 'string' ? v.query : (v.query?.query ?? '') }));
const SERIES = new Set(METRIC_CATALOGUE.flatMap(seriesNamesOf));
// biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, meant literally.
const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

const names = (selectors: MetricSelector[]) => selectors.map((s) => s.name);

describe('reading metric names out of PromQL', () => {
  it.each([
    [
      'histogram_quantile(0.99, sum by (le, kind) (rate(osm_feature_bot_ack_seconds_bucket{kind="command"}[$__rate_interval])))',
      ['osm_feature_bot_ack_seconds_bucket'],
    ],
    ['sum(rate(a_total[5m])) by (kind) / ignoring (x) group_left (y) b offset 1h', ['a_total', 'b']],
    ['label_replace(up{job="x", a=~"{[,]}"}, "dst", "$1", "src", "(.*)") > bool 1e3', ['up']],
    [
      'max(x:recorded:rate5m) * 1000 and on (instance) nodejs_version_info',
      ['x:recorded:rate5m', 'nodejs_version_info'],
    ],
    ['sum without (le) (foo_sum{instance=~"$instance"}) / sum(foo_count)', ['foo_sum', 'foo_count']],
  ])('%s', (expr, expected) => {
    expect(names(metricSelectors(expr))).toEqual(expected);
  });

  it('keeps the label matchers of each metric, and refuses an unknown function', () => {
    expect(metricSelectors('rate(x_total{job=~"$job"}[1m])')).toEqual([
      { name: 'x_total', matchers: 'job=~"$job"' },
    ]);
    expect(() => metricSelectors('rat(x_total[1m])')).toThrow(/unknown PromQL function rat/);
  });

  it('reads the metric of a Grafana label_values() variable query, not its label', () => {
    expect(names(variableQuerySelectors('label_values(up{job=~"$job"}, instance)'))).toEqual(['up']);
    expect(variableQuerySelectors('label_values(instance)')).toEqual([]);
  });
});

describe('deploy/grafana/osm-feature-bot.json', () => {
  it('is a schemaVersion 39 dashboard whose every panel uses its Prometheus datasource variable', () => {
    expect(dashboard.schemaVersion).toBe(39);
    expect(dashboard.uid).toBe('osm-feature-bot');
    const ds = dashboard.templating.list.find((v) => v.name === 'datasource');
    expect(ds).toMatchObject({ type: 'datasource', query: 'prometheus' });
    expect(panels.length).toBeGreaterThanOrEqual(10);
    for (const p of panels) {
      expect(p.datasource, p.title).toEqual(DATASOURCE);
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      for (const t of p.targets ?? []) if (t.datasource) expect(t.datasource, p.title).toEqual(DATASOURCE);
    }
    for (const v of dashboard.templating.list.filter((x) => x.type === 'query'))
      expect(v.datasource, v.name).toEqual(DATASOURCE);
  });

  it('queries only metrics in src/operate/metric-names.ts (histograms by _bucket, _sum or _count)', () => {
    const used = [
      ...targets.map((t) => ({ where: t.panel, selectors: metricSelectors(t.expr) })),
      ...variableQueries.map((v) => ({ where: `$${v.name}`, selectors: variableQuerySelectors(v.query) })),
    ];
    for (const u of used) {
      expect(u.selectors.length, `${u.where} queries a metric`).toBeGreaterThan(0);
      for (const s of u.selectors)
        expect(SERIES.has(s.name), `${u.where}: ${s.name} is in the catalogue`).toBe(true);
    }
  });

  it('shows answers, ack latency, notices, the outbox, 429s, the registry, reconnects and memory', () => {
    const queried = new Set(targets.flatMap((t) => names(metricSelectors(t.expr))));
    const wanted = BOT_METRICS.filter((m) => m.name !== 'osm_feature_bot_ack_seconds').map((m) => m.name);
    expect([...queried]).toEqual(
      expect.arrayContaining([
        ...wanted,
        'osm_feature_bot_ack_seconds_bucket',
        'process_resident_memory_bytes',
      ]),
    );
    const quantiles = targets.filter((t) => t.expr.includes('histogram_quantile'));
    expect(quantiles.map((t) => t.expr.match(/histogram_quantile\((0\.\d+)/)?.[1])).toEqual(
      expect.arrayContaining(['0.5', '0.99']),
    );
    // A quantile over buckets is only right when the sum keeps `le`.
    for (const q of quantiles) expect(q.expr).toMatch(/sum by \(le\b[^)]*\) \(rate\(\w+_bucket\{/);
  });

  it('restricts every series to the chosen job and pods, so another app’s process metrics never mix in', () => {
    for (const t of targets)
      for (const s of metricSelectors(t.expr)) {
        expect(s.matchers, `${t.panel}: ${s.name}`).toContain('job=~"$job"');
        expect(s.matchers, `${t.panel}: ${s.name}`).toContain('instance=~"$instance"');
      }
  });
});
