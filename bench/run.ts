// `npm run bench`: every benchmark, one Markdown report, printed and written to bench/results/latest.md.
// Benchmarks are not tests: nothing here fails on a slow number; the report says which goals were met.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { runFanoutRow } from './fanout-row.js';
import { startHost } from './host.js';
import { runLanguageBench } from './language-bench.js';
import { machineDetails } from './machine.js';
import { runMentionBench } from './mention-bench.js';
import { runRegistryBench } from './registry-bench.js';
import { type Row, renderReport } from './report.js';
import { runSlashBench } from './slash-bench.js';
import { runStartupBench } from './startup-bench.js';

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
rows.push(...(await httpRows(notes)));
progress('registries of 30, 1,000 and 10,000 features');
rows.push(...(await runRegistryBench()));
progress('plain-English questions at 30 and 10,000 features');
rows.push(...runLanguageBench());
progress('notice fan-out');
rows.push(await runFanoutRow());
progress('start-up');
rows.push(...(await startupRows(notes)));
notes.push(`Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s.`);

const report = renderReport(machine, rows, notes);
mkdirSync('bench/results', { recursive: true });
writeFileSync(OUTPUT, report);
process.stdout.write(report);
progress(`written to ${OUTPUT}`);
