// Several replicas in multi-workspace mode, as real processes on one database: a change-set fans out to two
// installed workspaces, each channel once, each with its own workspace's token, through a replica killed
// mid fan-out.
import { randomBytes } from 'node:crypto';
import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/open-store.js';
import { createTestDatabase, POSTGRES_AVAILABLE, type TestDatabase } from '../../harness/postgres.js';
import { type BotProcess, killLeftovers, startBotProcess } from '../support/bot-process.js';
import {
  editFile,
  everyChannelNotified,
  noticesIn,
  noticeWorkspace,
  promoteMulticluster,
} from '../support/notices-harness.js';
import { CLIENT, STATE_SECRET } from '../support/oauth-bot.js';

const TEAMS = ['T0ONE', 'T0TWO'];
const channelsOf = (team: string) =>
  Array.from({ length: 20 }, (_, i) => `C${team.slice(1)}${String(i).padStart(2, '0')}`);
const ALL = TEAMS.flatMap(channelsOf);

let standin: SlackStandin | undefined;
let ws: ReturnType<typeof noticeWorkspace> | undefined;
let db: TestDatabase | undefined;
afterEach(async () => {
  await killLeftovers();
  await standin?.close();
  ws?.cleanup();
  await db?.drop();
  db = undefined;
});

async function runFleet(databaseUrl: string): Promise<void> {
  const s = await SlackStandin.start({
    oauth: CLIENT,
    teams: TEAMS.map((id) => ({
      id,
      name: id,
      installed: false,
      channels: channelsOf(id).map((c) => ({ id: c, name: c.toLowerCase() })),
    })),
  });
  standin = s;
  const w = noticeWorkspace();
  ws = w;
  const env = {
    SLACK_BOT_TOKEN: '',
    SLACK_CLIENT_ID: CLIENT.clientId,
    SLACK_CLIENT_SECRET: CLIENT.clientSecret,
    SLACK_STATE_SECRET: STATE_SECRET,
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    TEST_NOTICE_LEASE_MS: '1500',
    TEST_NOTICE_TIMEOUT_MS: '1000',
  };
  const start = (receive = false) =>
    startBotProcess({ standin: s, registryPath: w.registryPath, databaseUrl, env, receive });
  const first = await start(true);
  const second = await start(false);
  for (const team of TEAMS) {
    const done = await s.install({ installUrl: `http://127.0.0.1:${first.port}/slack/install`, team });
    expect(done.status).toBe(200);
  }
  const store = await openStore(databaseUrl);
  try {
    for (const team of TEAMS)
      for (const channelId of channelsOf(team))
        await store.subscriptions.add(
          { teamId: team },
          { channelId, filter: { kind: 'all' }, createdBy: 'U0ADMIN' },
        );
  } finally {
    await store.close();
  }
  for (const team of TEAMS) s.injectFault('chat.postMessage', { lostAnswer: 'reset' }, { team, times: 3 });

  const notified = everyChannelNotified(s, ALL);
  editFile(w.registryPath, promoteMulticluster);
  await s.waitForCall((c) => c.method === 'chat.postMessage' && c.status === 200, {
    count: 8,
    timeoutMs: 15_000,
  });
  await first.kill();
  const third: BotProcess = await start(true);
  await notified;
  await Promise.all([second.event('idle'), third.event('idle')]);
  for (const channel of ALL) {
    expect(noticesIn(s, channel), channel).toHaveLength(1);
  }
  // Each workspace's channels were posted to in that workspace, with its token (assertClean checks tokens).
  for (const call of s.callsTo('chat.postMessage'))
    expect(channelsOf(call.team ?? '')).toContain(String(call.params.channel));
  s.assertClean();
  expect(await second.stop()).toBe(0);
  expect(await third.stop()).toBe(0);
}

describe('several replicas serving several workspaces', () => {
  it('two processes on one SQLite file', async () => {
    await runFleet(noticeWorkspace().databaseUrl);
  }, 90_000);

  it.runIf(POSTGRES_AVAILABLE)(
    'two processes on PostgreSQL',
    async () => {
      db = await createTestDatabase('oauth_fleet');
      await runFleet(db.url);
    },
    90_000,
  );
});
