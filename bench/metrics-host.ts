// Child process for the metrics benchmark: two copies of our bot side by side, one with Prometheus metrics
// and one without, so both get the same core and warm-up. Prints one JSON line with both ports, then runs
// until stdin closes.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startBot } from '../src/bot.js';
import { configFor } from '../tests/harness/bot-config.js';

export interface MetricsHostPorts {
  on: number;
  off: number;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`metrics-host: ${name} is not set`);
  return value;
}

const slack = {
  apiUrl: required('BENCH_SLACK_API_URL'),
  botToken: required('BENCH_BOT_TOKEN'),
  signingSecret: required('BENCH_SIGNING_SECRET'),
};
const dir = mkdtempSync(join(tmpdir(), 'osm-bench-metrics-'));
const start = (name: string, withMetrics: boolean) => {
  const own = join(dir, name);
  mkdirSync(own);
  const registryPath = join(own, 'features.yml');
  copyFileSync('data/features.yml', registryPath);
  return startBot(configFor(slack, own, { registryPath }), pino({ level: 'silent' }), { withMetrics });
};
const on = await start('on', true);
const off = await start('off', false);
const ports: MetricsHostPorts = { on: on.port ?? 0, off: off.port ?? 0 };
process.stdout.write(`${JSON.stringify(ports)}\n`);

process.stdin.resume();
process.stdin.on('end', () => {
  void Promise.all([on.stop(), off.stop()]).finally(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
