import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite.js';
import { type BotProcess, killLeftovers, startBotProcess } from './support/bot-process.js';
import {
  editFile,
  noticesIn,
  noticeWorkspace,
  posts,
  promoteMulticluster,
} from './support/notices-harness.js';

const CHANNELS = Array.from({ length: 20 }, (_, i) => `C0FAN${String(i).padStart(2, '0')}`);

let standin: SlackStandin;
let ws: ReturnType<typeof noticeWorkspace>;

beforeEach(async () => {
  standin = await SlackStandin.start({ channels: CHANNELS.map((id) => ({ id, name: id.toLowerCase() })) });
  ws = noticeWorkspace();
});
afterEach(async () => {
  await killLeftovers();
  await standin.close();
  ws.cleanup();
});

const spawnBot = (): Promise<BotProcess> =>
  startBotProcess({
    standin,
    registryPath: ws.registryPath,
    databaseUrl: ws.databaseUrl,
    env: {
      NOTICE_CHANNELS: CHANNELS.join(','),
      // A killed replica's rows are taken over once their lease passes; keep the test short.
      TEST_NOTICE_LEASE_MS: '1500',
    },
  });

it('killed (SIGKILL) in the middle of a fan-out to 20 channels: after restart each channel has the notice exactly once', async () => {
  // 1. First start records the baseline and announces nothing.
  const first = await spawnBot();
  await first.event('idle');
  expect(await first.stop()).toBe(0);
  expect(posts(standin)).toHaveLength(0);

  // 2. Change the registry while the bot is down; 15 channels' posts will hang on the wire.
  editFile(ws.registryPath, promoteMulticluster);
  for (const channel of CHANNELS.slice(5))
    standin.injectFault('chat.postMessage', { hang: true }, { channel });
  const second = await spawnBot();
  await second.event('sent', 5);
  await standin.waitForCall('chat.postMessage', { count: 20 });
  await second.kill();
  expect(posts(standin)).toHaveLength(5);

  // 3. Restart: once their leases pass, the 15 rows the dead process held are checked against each
  //    channel's history and posted (they never reached Slack); the 5 delivered ones are not touched.
  const third = await spawnBot();
  await third.event('idle');
  expect(third.lines.filter((l) => l.event === 'sent')).toHaveLength(15);
  for (const channel of CHANNELS) expect(noticesIn(standin, channel), channel).toHaveLength(1);
  expect(await third.stop()).toBe(0);

  // 4. A restart with no change sends nothing more.
  const fourth = await spawnBot();
  await fourth.event('idle');
  expect(await fourth.stop()).toBe(0);
  expect(posts(standin)).toHaveLength(20);
  const store = await openSqliteStore(ws.databaseUrl.replace(/^sqlite:/, ''));
  try {
    expect((await store.outbox.rows()).map((r) => r.status)).toEqual(Array(20).fill('sent'));
  } finally {
    await store.close();
  }
}, 60_000);
