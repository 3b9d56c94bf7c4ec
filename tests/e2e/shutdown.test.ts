import { once } from 'node:events';
import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite.js';
import { type BotProcess, killLeftovers, startBotProcess } from './support/bot-process.js';
import { noticeWorkspace } from './support/notices-harness.js';

const CHANNELS = Array.from({ length: 200 }, (_, i) => `C0SUB${String(i).padStart(3, '0')}`);
const TEAM = { teamId: 'T0STANDIN' };

let standin: SlackStandin;
let ws: ReturnType<typeof noticeWorkspace>;

beforeEach(async () => {
  standin = await SlackStandin.start({
    channels: CHANNELS.map((id) => ({ id, name: id.toLowerCase() })),
    rateLimits: false,
  });
  ws = noticeWorkspace();
});
afterEach(async () => {
  await killLeftovers();
  await standin.close();
  ws.cleanup();
});

const startBot = async (env: Record<string, string> = {}): Promise<BotProcess> =>
  startBotProcess({ standin, registryPath: ws.registryPath, databaseUrl: ws.databaseUrl, env });

async function storedSubscriptions(): Promise<string[]> {
  const store = await openSqliteStore(ws.databaseUrl.replace(/^sqlite:/, ''));
  try {
    return (await store.subscriptions.list(TEAM)).map((s) => s.channelId).sort();
  } finally {
    await store.close();
  }
}

it('SIGTERM after 200 subscribes were acked (answers still due): all are stored and answered, then exit 0', async () => {
  const bot = await startBot();
  // Slack is slow to say whether the bot can post: each subscribe is acked, and answered ~1.5 s later.
  standin.injectFault(
    'conversations.info',
    { lostAnswer: 'delay', delayMs: 1_500 },
    { times: CHANNELS.length },
  );
  const acks = await Promise.all(
    CHANNELS.map((channel) =>
      standin.sendCommand('subscribe', { channel_id: channel, channel_name: channel }),
    ),
  );
  expect(acks.every((a) => a.status === 200)).toBe(true);
  expect(await bot.stop()).toBe(0);
  const answers = standin.callsTo('response_url');
  expect(answers).toHaveLength(CHANNELS.length);
  expect(answers.every((a) => JSON.stringify(a.params).includes('Subscribed.'))).toBe(true);
  expect(await storedSubscriptions()).toEqual(CHANNELS);
}, 60_000);

it('SIGTERM while commands are arriving: every request the bot took is answered; none is cut off', async () => {
  const bot = await startBot();
  const outcomes: string[] = [];
  const sends = CHANNELS.map(async (channel, i) => {
    // Spread over ~400 ms, so that the stop lands in the middle of them.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (i === 100) bot.child.kill('SIGTERM');
    try {
      const res = await standin.sendCommand('multicluster', { channel_id: channel });
      outcomes.push(
        res.status === 200 && res.body.includes('Multicluster') ? 'answered' : `status ${res.status}`,
      );
    } catch (err) {
      const code = (err as { cause?: { code?: string } }).cause?.code ?? String(err);
      outcomes.push(code === 'ECONNREFUSED' ? 'refused' : code);
    }
  });
  await Promise.all(sends);
  const [code] = bot.child.exitCode === null ? await once(bot.child, 'exit') : [bot.child.exitCode];
  expect(code).toBe(0);
  // Taken requests are answered; later ones are refused before any byte is read (Slack retries those).
  expect(outcomes.filter((o) => o !== 'answered' && o !== 'refused')).toEqual([]);
  expect(outcomes.filter((o) => o === 'answered').length).toBeGreaterThan(0);
}, 60_000);

it('killed (SIGKILL) after acking subscribes: the next start finishes them, storing and answering each', async () => {
  const env = { TEST_WORK_LEASE_MS: '1000', TEST_WORK_RECOVERY_MS: '200' };
  const first = await startBot(env);
  const some = CHANNELS.slice(0, 20);
  // conversations.info never answers: the work is acknowledged, then stuck when the process dies.
  standin.injectFault('conversations.info', { hang: true }, { times: some.length });
  const acks = await Promise.all(
    some.map((channel) => standin.sendCommand('subscribe', { channel_id: channel })),
  );
  expect(acks.every((a) => a.status === 200)).toBe(true);
  await standin.waitForCall('conversations.info', { count: some.length });
  await first.kill();
  expect(standin.callsTo('response_url')).toHaveLength(0);
  await startBot(env);
  await standin.waitForCall('response_url', { count: some.length, timeoutMs: 20_000 });
  // Each answered once, and each says it subscribed (a second replay would answer "already subscribed").
  const said = standin.callsTo('response_url').map((a) => JSON.stringify(a.params).slice(0, 300));
  expect(said).toHaveLength(some.length);
  expect(said.filter((s) => !s.includes('Subscribed.'))).toEqual([]);
  expect(await storedSubscriptions()).toEqual(some);
}, 60_000);
