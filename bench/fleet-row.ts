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

/** Paced runs of each size, alternated: one run's first second (when the budget is learned) varies. */
const PACED_RUNS = 3;

/** The run of median time, and every run's time. */
function medianRun(runs: FleetResult[]): FleetResult {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) throw new Error('no fleet runs');
  return median;
}

function paced(replicas: number, runs: FleetResult[]): Row {
  const r = medianRun(runs);
  const floor = floorOf(r);
  const ratio = r.seconds / floor;
  const all = runs.map((x) => `${x.seconds.toFixed(1)} s`).join(', ');
  const allClean = runs.every(clean);
  return {
    what: `Fan-out to ${CHANNELS.toLocaleString('en-US')} channels by ${replicas} replica${replicas > 1 ? 's' : ''} (processes) on PostgreSQL, 1 msg/s/channel, 50/s workspace, 5% answers lost, vs the ${floor} s floor; median of ${runs.length} runs (${all})`,
    median: `${r.seconds.toFixed(1)} s`,
    p99: '—',
    baselineMedian: `${floor} s`,
    ratio: times(ratio),
    goal: `≤ ${GOAL}×: ${verdict(ratio, GOAL, times)}; median run: ${counts(r)}; every run lost 0 and duplicated 0: ${allClean ? 'met' : 'missed'}`,
  };
}

const postsPerSecond = (r: FleetResult): number => CHANNELS / r.seconds;
const rate = (n: number): string => `${n.toFixed(0)} posts/s`;

/** Issue 12's fleet rows: 3 replicas and 1 under Slack's limits, and what reconciling lost answers costs. */
export async function runFleetRows(progress: (message: string) => void, notes: string[]): Promise<Row[]> {
  const run = (replicas: number, lostEvery: number, rateLimits: FleetScenario['rateLimits']) =>
    runFleetBench({ channels: CHANNELS, replicas, lostEvery, rateLimits });
  const threes: FleetResult[] = [];
  const ones: FleetResult[] = [];
  for (let i = 1; i <= PACED_RUNS; i++) {
    progress(`fleet: 3 replicas on PostgreSQL (${i} of ${PACED_RUNS})`);
    threes.push(await run(3, LOST_EVERY, LIMITS));
    progress(`fleet: 1 replica on PostgreSQL (${i} of ${PACED_RUNS})`);
    ones.push(await run(1, LOST_EVERY, LIMITS));
  }
  const three = medianRun(threes);
  const one = medianRun(ones);
  progress('fleet: throughput with 0% and 5% lost answers');
  const free0 = await run(3, 0, false);
  const free5 = await run(3, LOST_EVERY, false);
  notes.push(
    `Fleet rows: replicas are real processes (tests/e2e/support/run-bot.ts) sharing one fresh PostgreSQL database per run; time runs from the first replica's commit to the last row settled; lost answers are connection resets after the stand-in kept the post; every channel's notices are counted from the stand-in's recorded messages. Last post reached the stand-in at ${three.lastPostSeconds.toFixed(1)} s (3 replicas) and ${one.lastPostSeconds.toFixed(1)} s (1 replica).`,
  );
  return [
    paced(3, threes),
    paced(1, ones),
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
