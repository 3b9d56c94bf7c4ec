// Child process for the HTTP benchmarks: runs our bot and the Bolt-only baseline side by side, so both get
// the same core (the runner pins this process with taskset when it can) and the same warm-up. Talks to the
// runner's Slack stand-in; prints one JSON line with both ports, then runs until stdin closes.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { resolveText } from '../src/answer/resolve-text.js';
import { startBot } from '../src/bot.js';
import type { SlackMessage } from '../src/render/slack/blocks.js';
import { renderSlackAnswer } from '../src/render/slack/render-answer.js';
import { configFor } from '../tests/harness/bot-config.js';
import { startBaselineApp } from './baseline-app.js';
import { QUESTIONS } from './questions.js';

export interface HostPorts {
  ours: number;
  /** Bolt alone, answering a short constant text. */
  baseline: number;
  /** Bolt alone, answering our answers rendered in advance. */
  prerendered: number;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`app-host: ${name} is not set`);
  return value;
}

const slackApiUrl = required('BENCH_SLACK_API_URL');
const botToken = required('BENCH_BOT_TOKEN');
const signingSecret = required('BENCH_SIGNING_SECRET');
const dir = mkdtempSync(join(tmpdir(), 'osm-bench-host-'));
const registryPath = join(dir, 'features.yml');
copyFileSync('data/features.yml', registryPath);

const log = pino({ level: 'silent' });
const bot = await startBot(
  configFor({ botToken, signingSecret, apiUrl: slackApiUrl }, dir, { registryPath }),
  log,
);
const answers = new Map<string, SlackMessage>();
for (const question of QUESTIONS) {
  const { answer } = resolveText(question, bot.registry.current());
  if (!answer) throw new Error(`bench question is not a question: ${question}`);
  answers.set(question, renderSlackAnswer(answer));
}
const baseline = await startBaselineApp({ botToken, signingSecret, slackApiUrl });
const prerendered = await startBaselineApp({ botToken, signingSecret, slackApiUrl, answers });
const ports: HostPorts = { ours: bot.port ?? 0, baseline: baseline.port, prerendered: prerendered.port };
process.stdout.write(`${JSON.stringify(ports)}\n`);

process.stdin.resume();
process.stdin.on('end', () => {
  void Promise.all([bot.stop(), baseline.stop(), prerendered.stop()]).finally(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
