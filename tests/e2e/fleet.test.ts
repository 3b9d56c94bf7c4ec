// Several replicas on one database, through real processes, against the Slack stand-in: a registry change
// fans out to every subscribed channel exactly once, through 429s, 5xx, lost answers, a replica killed
// mid fan-out and another started mid fan-out.
import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, POSTGRES_AVAILABLE, type TestDatabase } from '../harness/postgres.js';
import { type BotProcess, killLeftovers, startBotProcess } from './support/bot-process.js';
import {
  editFile,
  everyChannelNotified,
  noticesIn,
  noticeWorkspace,
  promoteMulticluster,
} from './support/notices-harness.js';

const CHANNELS = Array.from({ length: 60 }, (_, i) => `C0FLEET${String(i).padStart(2, '0')}`);

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

/** A third of the posts meet trouble: 429s, 5xx, answers lost after Slack kept the post. */
function injectTrouble(s: SlackStandin): void {
  CHANNELS.slice(0, 20).forEach((channel, i) => {
    const fault =
      i % 4 === 0
        ? { status: 429, retryAfter: 1 }
        : i % 4 === 1
          ? { status: 503 }
          : i % 4 === 2
            ? { lostAnswer: 'reset' as const }
            : { lostAnswer: 'delay' as const, delayMs: 1_500 };
    s.injectFault('chat.postMessage', fault, { channel });
  });
}

/** Resolves once the outbox holds no pending or in-flight row (checked after each replica event). */
async function outboxDrained(url: string, replicas: BotProcess[]): Promise<void> {
  const store = await openStore(url);
  try {
    for (;;) {
      if ((await store.outbox.pending()).count === 0) return;
      await Promise.race(
        replicas.map((r) => {
          const seen = r.lines.length;
          return new Promise<void>((resolve) => {
            const look = (): void => {
              if (r.lines.length > seen) {
                r.child.stdout?.off('data', look);
                resolve();
              }
            };
            r.child.stdout?.on('data', look);
            r.child.once('exit', () => resolve());
          });
        }),
      );
    }
  } finally {
    await store.close();
  }
}

async function runFleet(databaseUrl: string, initial: number): Promise<void> {
  const s = await SlackStandin.start({ channels: CHANNELS.map((id) => ({ id, name: id.toLowerCase() })) });
  standin = s;
  const w = noticeWorkspace();
  ws = w;
  const env = {
    NOTICE_CHANNELS: CHANNELS.join(','),
    TEST_NOTICE_LEASE_MS: '1500',
    TEST_NOTICE_TIMEOUT_MS: '1000',
  };
  const start = (receive = false) =>
    startBotProcess({ standin: s, registryPath: w.registryPath, databaseUrl, env, receive });
  const replicas: BotProcess[] = [];
  for (let i = 0; i < initial; i++) replicas.push(await start(i === 0));
  await Promise.all(replicas.map((r) => r.event('idle')));

  injectTrouble(s);
  const notified = everyChannelNotified(s, CHANNELS);
  editFile(w.registryPath, promoteMulticluster);
  // Mid fan-out: one replica dies (SIGKILL) and another starts.
  await s.waitForCall((c) => c.method === 'chat.postMessage' && c.status === 200, {
    count: 10,
    timeoutMs: 15_000,
  });
  const [victim] = replicas;
  if (victim) await victim.kill();
  replicas.push(await start(true));
  await notified;
  await outboxDrained(databaseUrl, replicas.slice(1));

  for (const channel of CHANNELS) expect(noticesIn(s, channel), channel).toHaveLength(1);
  // The troubles really happened: 429s were answered, lost answers reconciled from history.
  expect(s.callsTo('chat.postMessage').some((c) => c.status === 429)).toBe(true);
  expect(s.callsTo('conversations.history').length).toBeGreaterThan(0);
  for (const r of replicas.slice(1)) expect(await r.stop()).toBe(0);
}

describe('several replicas, one notice per channel', () => {
  it('two processes on one SQLite file', async () => {
    const w = noticeWorkspace();
    await runFleet(w.databaseUrl, 2);
    w.cleanup();
  }, 90_000);

  it.runIf(POSTGRES_AVAILABLE)(
    'three replicas on one PostgreSQL database',
    async () => {
      db = await createTestDatabase('fleet');
      await runFleet(db.url, 3);
    },
    90_000,
  );
});
