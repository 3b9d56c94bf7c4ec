// `npm run bench`: every benchmark, one Markdown report, printed and written to bench/results/latest.md.
// Benchmarks are not tests: nothing here fails on a slow number; the report says which goals were met.
// `npm run bench -- --only store,fleet` runs only those groups of rows (see the list below).
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { runFanoutRow } from './fanout-row.js';
import { runFleetRows } from './fleet-row.js';
import { startHost } from './host.js';
import { machineDetails } from './machine.js';
import { runMentionBench } from './mention-bench.js';
import { runMetricsBench } from './metrics-bench.js';
import { rowGroups } from './only.js';
import { runRegistryBench } from './registry-bench.js';
import { type Row, renderReport } from './report.js';
import { runSlashBench } from './slash-bench.js';
import { runStartupBench } from './startup-bench.js';
import { runStoreBench } from './store-bench.js';
import { runWorkspacesRows } from './workspaces-row.js';

const OUTPUT = 'bench/results/latest.md';

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function httpRows(notes: string[]): Promise<Row[]> {
  const standin = await SlackStandin.start({ rateLimits: false });
  const host = await startHost(standin);
  notes.push(
    host.core === undefined
      ? 'HTTP rows: the apps shared the cores with the load generator (taskset unavailable).'
      : `HTTP rows: our app and the baselines ran in one process pinned to core ${host.core} (taskset); the load generator and the Slack stand-in ran on the other cores.`,
  );
  try {
    progress('slash commands');
    const rows = await runSlashBench(standin, host);
    progress('mentions');
    rows.push(...(await runMentionBench(standin, host)));
    return rows;
  } finally {
    await host.stop();
    await standin.close();
  }
}

async function metricsRows(notes: string[]): Promise<Row[]> {
  progress('the cost of metrics');
  const standin = await SlackStandin.start({ rateLimits: false });
  try {
    const { rows, note } = await runMetricsBench(standin);
    notes.push(note);
    return rows;
  } finally {
    await standin.close();
  }
}

async function startupRows(notes: string[]): Promise<Row[]> {
  const standin = await SlackStandin.start({ rateLimits: false });
  try {
    const { rows, loader } = await runStartupBench(standin);
    notes.push(`Start-up rows: ${loader}; the bare Bolt app is loaded the same way.`);
    return rows;
  } finally {
    await standin.close();
  }
}

const started = performance.now();
const machine = machineDetails();
const notes: string[] = [
  'Ratios are ours ÷ baseline (higher is slower, except throughput, where higher is better); baselines run in the same run, in alternating batches.',
];
const rows: Row[] = [];
const groups = rowGroups(
  ['http', 'metrics', 'registry', 'fanout', 'startup', 'store', 'fleet', 'workspaces'],
  process.argv.slice(2),
);
if (groups.selected('http')) rows.push(...(await httpRows(notes)));
if (groups.selected('metrics')) rows.push(...(await metricsRows(notes)));
if (groups.selected('registry')) {
  progress('registries of 30, 1,000 and 10,000 features');
  rows.push(...(await runRegistryBench()));
}
if (groups.selected('fanout')) {
  progress('notice fan-out');
  rows.push(await runFanoutRow());
}
if (groups.selected('startup')) {
  progress('start-up');
  rows.push(...(await startupRows(notes)));
}
if (groups.selected('store')) {
  progress('store: SQLite and PostgreSQL');
  rows.push(...(await runStoreBench(notes)));
}
if (groups.selected('fleet')) rows.push(...(await runFleetRows(progress, notes)));
if (groups.selected('workspaces')) rows.push(...(await runWorkspacesRows(progress, notes)));
notes.push(`Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s.`);

const report = renderReport(machine, rows, notes);
process.stdout.write(report);
if (groups.partial) {
  progress(`a partial run (--only): ${OUTPUT} is left as it was`);
} else {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(OUTPUT, report);
  progress(`written to ${OUTPUT}`);
}
