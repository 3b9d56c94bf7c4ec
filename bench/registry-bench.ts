import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { RegistryProbe } from './registry-probe.js';
import { type Row, verdict } from './report.js';
import { mib, ms, type Summary, times } from './stats.js';

const run = promisify(execFile);
const SIZES = [30, 1000, 10_000];
const GOALS_AT = 10_000;

/** Measures one size in a fresh process (bench/registry-probe.ts), so peak RSS is that size's alone. */
async function probe(features: number): Promise<RegistryProbe> {
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/registry-probe.ts', String(features)],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout) as RegistryProbe;
}

const latency = (what: string, s: Summary, goal?: string): Row => ({
  what,
  median: ms(s.p50),
  p99: ms(s.p99),
  ...(goal ? { goal } : {}),
});

/** Synthetic registries of 30, 1,000 and 10,000 features: load, lookups, list, diff and memory. */
export async function runRegistryBench(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const size of SIZES) {
    const p = await probe(size);
    const goals = size === GOALS_AT;
    const name = `Registry of ${size.toLocaleString('en-US')}`;
    rows.push(
      {
        what: `${name}: load + validate ${(p.yamlBytes / 1024).toFixed(0)} KiB of YAML (n=${p.load.n}), vs the yaml package's parse alone`,
        median: ms(p.load.p50),
        p99: ms(p.load.p99),
        baselineMedian: ms(p.yamlParse.p50),
        baselineP99: ms(p.yamlParse.p99),
        ratio: times(p.load.p50 / p.yamlParse.p50),
        ...(goals ? { goal: `median < 300 ms: ${verdict(p.load.p50, 300, ms)}` } : {}),
      },
      { what: `${name}: first lookup (builds the match index)`, median: ms(p.firstLookup), p99: '—' },
      latency(`${name}: exact lookup (n=${p.exact.n})`, p.exact),
      latency(
        `${name}: typo lookup (n=${p.typo.n})`,
        p.typo,
        goals ? `p99 < 1 ms: ${verdict(p.typo.p99, 1, ms)}` : undefined,
      ),
      latency(`${name}: no match, with suggestions (n=${p.none.n})`, p.none),
      latency(`${name}: render the full list (n=${p.render.n})`, p.render),
      latency(
        `${name}: diff two versions 1% apart (${p.diffChanges} changes, n=${p.diff.n})`,
        p.diff,
        goals ? `median < 50 ms: ${verdict(p.diff.p50, 50, ms)}` : undefined,
      ),
      { what: `${name}: peak RSS of the measuring process`, median: mib(p.peakRssBytes), p99: '—' },
    );
  }
  return rows;
}
