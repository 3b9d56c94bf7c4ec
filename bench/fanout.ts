import { once } from 'node:events';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { pino } from 'pino';
import { startBot } from '../src/bot.js';
import { configFor } from '../tests/harness/bot-config.js';

export interface FanoutResult {
  /** From the change-set commit to the last notice recorded. */
  seconds: number;
  lost: number;
  duplicated: number;
  rateLimited: number;
}

const PER_CHANNEL_PER_SECOND = 1;
const WORKSPACE_PER_SECOND = 50;

/**
 * One registry change delivered to `channels` subscribed channels through the real bot, against a Slack
 * stand-in that enforces 1 msg/s per channel and 50 msg/s per workspace (answering 429 + Retry-After).
 * The floor is channels / 50 seconds.
 */
export async function runFanoutBench(channels = 1000): Promise<FanoutResult> {
  const ids = Array.from({ length: channels }, (_, i) => `C${String(i).padStart(6, '0')}`);
  const standin = await SlackStandin.start({
    channels: ids.map((id) => ({ id, name: id.toLowerCase() })),
    rateLimits: { perChannelPerSecond: PER_CHANNEL_PER_SECOND, workspacePerSecond: WORKSPACE_PER_SECOND },
  });
  const dir = mkdtempSync(join(tmpdir(), 'osm-fanout-'));
  const registryPath = join(dir, 'features.yml');
  copyFileSync('data/features.yml', registryPath);
  const bot = await startBot(
    {
      ...configFor(standin, dir, { registryPath }),
    },
    pino({ level: 'silent' }),
    { registryDebounceMs: 50 },
  );
  try {
    for (const channelId of ids)
      await bot.store.subscriptions.add(bot.workspace, {
        channelId,
        filter: { kind: 'all' },
        createdBy: 'U0BENCH',
      });
    // The registry edit must be accepted within seconds; a refused edit would otherwise wait forever.
    const committed = once(bot.notices, 'committed', { signal: AbortSignal.timeout(10_000) });
    const text = readFileSync(registryPath, 'utf8');
    writeFileSync(
      registryPath,
      text.replace(
        /(id: multicluster[\s\S]*?state: )Alpha([\s\S]*?history: )\[\{ state: Alpha, since: v1.0 \}\]/,
        '$1Beta$2[{ state: Alpha, since: v1.0 }, { state: Beta, since: v1.2 }]',
      ),
    );
    await committed;
    const start = performance.now();
    await bot.notices.whenIdle();
    const seconds = (performance.now() - start) / 1000;
    const posts = standin.callsTo('chat.postMessage');
    const counts = ids.map((id) => standin.messages(id).length);
    return {
      seconds,
      lost: counts.filter((n) => n === 0).length,
      duplicated: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      rateLimited: posts.filter((c) => c.status === 429).length,
    };
  } finally {
    await bot.stop();
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const channels = 1000;
  const r = await runFanoutBench(channels);
  const floor = channels / WORKSPACE_PER_SECOND;
  console.log(
    `notice fan-out to ${channels} channels at ${PER_CHANNEL_PER_SECOND} msg/s/channel, ${WORKSPACE_PER_SECOND} msg/s workspace: ` +
      `${r.seconds.toFixed(1)} s (minimum ${floor} s = ${channels} / ${WORKSPACE_PER_SECOND} per s; a sliding window lets the first batch go at 0 s), ` +
      `lost ${r.lost}, duplicated ${r.duplicated}, 429s received ${r.rateLimited}`,
  );
}
