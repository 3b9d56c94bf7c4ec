// Child process for the idle-memory row: one bot, metrics on or off (BENCH_METRICS), started, scraped a few
// times when metrics are on, left idle, then its resident memory printed as one JSON line.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startBot } from '../src/bot.js';
import { METRICS_PATH } from '../src/operate/routes.js';
import { configFor } from '../tests/harness/bot-config.js';

const IDLE_MS = 2_000;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`idle-rss-host: ${name} is not set`);
  return value;
}

const withMetrics = process.env.BENCH_METRICS === 'on';
const slack = {
  apiUrl: required('BENCH_SLACK_API_URL'),
  botToken: required('BENCH_BOT_TOKEN'),
  signingSecret: required('BENCH_SIGNING_SECRET'),
};
const dir = mkdtempSync(join(tmpdir(), 'osm-bench-idle-'));
const registryPath = join(dir, 'features.yml');
copyFileSync('data/features.yml', registryPath);
const bot = await startBot(configFor(slack, dir, { registryPath }), pino({ level: 'silent' }), {
  withMetrics,
});
if (withMetrics) {
  // As Prometheus would: a few scrapes, so the registry and its collectors have run.
  for (let i = 0; i < 5; i++) await (await fetch(`http://127.0.0.1:${bot.port}${METRICS_PATH}`)).text();
}
await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
process.stdout.write(`${JSON.stringify({ rss: process.memoryUsage().rss })}\n`);
await bot.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
