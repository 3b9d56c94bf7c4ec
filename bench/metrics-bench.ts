import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { SlackStandin } from '@osm-feature-bot/slack-standin';
import { startPinnedHost } from './host.js';
import type { MetricsHostPorts } from './metrics-host.js';
import { type Row, verdict } from './report.js';
import { LoopbackClient, type PreparedRequest } from './signed-client.js';
import { commandRequests } from './slash-bench.js';
import { closedLoop, interleaved, type LoadResult, mib, ms, perSecond, summarize, times } from './stats.js';

const SIDES = ['on', 'off'] as const;
type Side = (typeof SIDES)[number];
const CLIENTS = 16;
const PER_BATCH = 1_000;
const ROUNDS = 6;
const GOAL = 1.05;
const IDLE_SAMPLES = 3;

const rate = (r: LoadResult): number => r.samples.length / (r.wallMs / 1000);

/** One bot process left idle with metrics on or off; resolves to its resident memory, bytes. */
async function idleRss(standin: SlackStandin, metrics: Side): Promise<number> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/idle-rss-host.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      BENCH_SLACK_API_URL: standin.apiUrl,
      BENCH_BOT_TOKEN: standin.botToken,
      BENCH_SIGNING_SECRET: standin.signingSecret,
      BENCH_METRICS: metrics,
    },
  });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const [line] = (await once(lines, 'line')) as [string];
  await once(child, 'exit');
  return (JSON.parse(line) as { rss: number }).rss;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * The cost of Prometheus metrics: signed /osm-feature requests at 16 clients to two copies of our bot in
 * one process on one core, one with metrics and one without, in rotating batches; then the idle resident
 * memory of a bot process with metrics on and off (median of three starts each).
 */
export async function runMetricsBench(standin: SlackStandin): Promise<{ rows: Row[]; note: string }> {
  const host = await startPinnedHost<MetricsHostPorts>(standin, 'bench/metrics-host.ts');
  const rows: Row[] = [];
  const pools = { on: new LoopbackClient(host.on, CLIENTS), off: new LoopbackClient(host.off, CLIENTS) };
  const responseUrl = standin.newResponseUrl();
  const run = (side: Side) => {
    const requests = commandRequests(standin, responseUrl);
    return closedLoop(CLIENTS, PER_BATCH, async (i) => {
      const reply = await pools[side].post(requests[i % requests.length] as PreparedRequest);
      if (reply.status !== 200 || reply.body === '')
        throw new Error(`slash command answered ${reply.status}`);
    });
  };
  try {
    for (const side of SIDES) await run(side); // warm-up
    const pooled = await interleaved(ROUNDS, SIDES, run);
    const on = summarize(pooled.on.samples);
    const off = summarize(pooled.off.samples);
    const p99Ratio = on.p99 / off.p99;
    rows.push({
      what: `Slash command with metrics on, ${CLIENTS} clients (n=${on.n}), vs metrics off`,
      median: ms(on.p50),
      p99: ms(on.p99),
      baselineMedian: ms(off.p50),
      baselineP99: ms(off.p99),
      ratio: times(p99Ratio),
      goal: `p99 ≤ ${GOAL}×: ${verdict(p99Ratio, GOAL, times)}`,
    });
    const slowdown = rate(pooled.off) / rate(pooled.on);
    rows.push({
      what: `Slash command throughput with metrics on, ${CLIENTS} clients, vs metrics off`,
      median: perSecond(rate(pooled.on)),
      p99: '—',
      baselineMedian: perSecond(rate(pooled.off)),
      ratio: times(rate(pooled.on) / rate(pooled.off)),
      goal: `within ${GOAL}× (off ÷ on = ${times(slowdown)}): ${slowdown <= GOAL ? 'met' : 'NOT met'}`,
    });
  } finally {
    pools.on.close();
    pools.off.close();
    await host.stop();
  }
  const samples: Record<Side, number[]> = { on: [], off: [] };
  for (let i = 0; i < IDLE_SAMPLES; i++)
    for (const side of SIDES) samples[side].push(await idleRss(standin, side));
  rows.push({
    what: 'Idle RSS of a bot process with metrics on (median of 3), vs metrics off',
    median: mib(median(samples.on)),
    p99: '—',
    baselineMedian: mib(median(samples.off)),
    ratio: times(median(samples.on) / median(samples.off)),
  });
  return {
    rows,
    note: 'Metrics rows: both bots in one process on one core (as the HTTP rows); idle RSS after start, 5 scrapes and 2 s idle, then a GC, loaded through tsx.',
  };
}
