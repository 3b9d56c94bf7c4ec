import { runFanoutBench } from './fanout.js';
import type { Row } from './report.js';
import { times } from './stats.js';

const CHANNELS = 1000;
const WORKSPACE_PER_SECOND = 50;
const FLOOR_SECONDS = CHANNELS / WORKSPACE_PER_SECOND;

/** One registry change fanned out to 1,000 subscribed channels through the real bot (bench/fanout.ts). */
export async function runFanoutRow(): Promise<Row> {
  const r = await runFanoutBench();
  const clean = r.lost === 0 && r.duplicated === 0;
  return {
    what: `Notice fan-out to ${CHANNELS.toLocaleString('en-US')} channels (1 msg/s/channel, ${WORKSPACE_PER_SECOND}/s workspace), vs the ${FLOOR_SECONDS} s minimum`,
    median: `${r.seconds.toFixed(1)} s`,
    p99: '—',
    baselineMedian: `${FLOOR_SECONDS} s`,
    ratio: times(r.seconds / FLOOR_SECONDS),
    goal: `lost ${r.lost}, duplicated ${r.duplicated}, ${r.rateLimited} × 429: ${clean ? 'met' : 'missed'}`,
  };
}
