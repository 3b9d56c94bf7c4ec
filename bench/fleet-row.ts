import { type FleetResult, type FleetScenario, runFleetBench } from './fleet-bench.js';
import { type Row, verdict } from './report.js';
import { times } from './stats.js';

const CHANNELS = 1000;
const LOST_EVERY = 20; // 5%
const LIMITS = { perChannelPerSecond: 1, workspacePerSecond: 50 };
const GOAL = 1.1;

const clean = (r: FleetResult): boolean => r.lost === 0 && r.duplicated === 0;
const counts = (r: FleetResult): string =>
  `lost ${r.lost}, duplicated ${r.duplicated}, ${r.rateLimited} × 429, ${r.reconciled} of ${r.lostAnswers} lost answers reconciled (${r.historyReads} history reads)`;

/**
 * The stand-in counts a post against its limits only when it answers it; a post whose answer it loses takes
 * no slot. So the floor is the posts that do, at 50/s (the first second's batch goes at 0 s).
 */
const floorOf = (r: FleetResult): number => (CHANNELS - r.lostAnswers) / LIMITS.workspacePerSecond;

function paced(replicas: number, r: FleetResult): Row {
  const floor = floorOf(r);
  const ratio = r.seconds / floor;
  return {
    what: `Fan-out to ${CHANNELS.toLocaleString('en-US')} channels by ${replicas} replica${replicas > 1 ? 's' : ''} (processes) on PostgreSQL, 1 msg/s/channel, 50/s workspace, 5% answers lost, vs the ${floor} s floor`,
    median: `${r.seconds.toFixed(1)} s`,
    p99: '—',
    baselineMedian: `${floor} s`,
    ratio: times(ratio),
    goal: `≤ ${GOAL}×: ${verdict(ratio, GOAL, times)}; ${counts(r)}: ${clean(r) ? 'met' : 'missed'}`,
  };
}

const postsPerSecond = (r: FleetResult): number => CHANNELS / r.seconds;
const rate = (n: number): string => `${n.toFixed(0)} posts/s`;

/** Issue 12's fleet rows: 3 replicas and 1 under Slack's limits, and what reconciling lost answers costs. */
export async function runFleetRows(progress: (message: string) => void, notes: string[]): Promise<Row[]> {
  const run = (replicas: number, lostEvery: number, rateLimits: FleetScenario['rateLimits']) =>
    runFleetBench({ channels: CHANNELS, replicas, lostEvery, rateLimits });
  progress('fleet: 3 replicas on PostgreSQL');
  const three = await run(3, LOST_EVERY, LIMITS);
  progress('fleet: 1 replica on PostgreSQL');
  const one = await run(1, LOST_EVERY, LIMITS);
  progress('fleet: throughput with 0% and 5% lost answers');
  const free0 = await run(3, 0, false);
  const free5 = await run(3, LOST_EVERY, false);
  notes.push(
    `Fleet rows: replicas are real processes (tests/e2e/support/run-bot.ts) sharing one fresh PostgreSQL database per run; time runs from the first replica's commit to the last row settled; lost answers are connection resets after the stand-in kept the post; every channel's notices are counted from the stand-in's recorded messages. Last post reached the stand-in at ${three.lastPostSeconds.toFixed(1)} s (3 replicas) and ${one.lastPostSeconds.toFixed(1)} s (1 replica).`,
  );
  return [
    paced(3, three),
    paced(1, one),
    {
      what: `Notice throughput, ${CHANNELS.toLocaleString('en-US')} channels, 3 replicas on PostgreSQL, no rate limits: 5% answers lost (reconciled from history) vs none`,
      median: rate(postsPerSecond(free5)),
      p99: '—',
      baselineMedian: rate(postsPerSecond(free0)),
      ratio: times(postsPerSecond(free5) / postsPerSecond(free0)),
      goal: `${counts(free5)}; without losses: lost ${free0.lost}, duplicated ${free0.duplicated}: ${clean(free5) && clean(free0) ? 'met' : 'missed'}`,
    },
  ];
}
