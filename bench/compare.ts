import { type Row, verdict } from './report.js';
import { type LoadResult, ms, summarize, times } from './stats.js';

export const SIDES = ['ours', 'baseline', 'prerendered'] as const;
export type Side = (typeof SIDES)[number];

export const BASELINE_LABEL: Record<Exclude<Side, 'ours'>, string> = {
  baseline: 'vs Bolt acking a constant text',
  prerendered: 'vs Bolt sending our answer pre-rendered',
};

/** Latency rows for ours against each baseline; a p99 goal applies to the constant-text baseline only. */
export function latencyRows(what: string, pooled: Record<Side, LoadResult>, p99Goal?: number): Row[] {
  const ours = summarize(pooled.ours.samples);
  return (['baseline', 'prerendered'] as const).map((side) => {
    const base = summarize(pooled[side].samples);
    const ratio = ours.p99 / base.p99;
    const row: Row = {
      what: `${what} (n=${ours.n}), ${BASELINE_LABEL[side]}`,
      median: ms(ours.p50),
      p99: ms(ours.p99),
      baselineMedian: ms(base.p50),
      baselineP99: ms(base.p99),
      ratio: times(ratio),
    };
    if (p99Goal !== undefined && side === 'baseline')
      row.goal = `p99 ≤ ${p99Goal}×: ${verdict(ratio, p99Goal, times)}`;
    return row;
  });
}
