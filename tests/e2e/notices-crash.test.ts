import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { createInterface } from 'node:readline';
import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite.js';
import {
  editFile,
  noticesIn,
  noticeWorkspace,
  posts,
  promoteMulticluster,
} from './support/notices-harness.js';

const CHANNELS = Array.from({ length: 20 }, (_, i) => `C0FAN${String(i).padStart(2, '0')}`);

/** One bot process and the JSON lines it writes. */
interface BotProcess {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  /** Resolves once `count` lines with this event have been written. */
  event(name: string, count?: number): Promise<void>;
}

let standin: SlackStandin;
let ws: ReturnType<typeof noticeWorkspace>;
const children: ChildProcess[] = [];

beforeEach(async () => {
  standin = await SlackStandin.start({ channels: CHANNELS.map((id) => ({ id, name: id.toLowerCase() })) });
  ws = noticeWorkspace();
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
  await standin.close();
  ws.cleanup();
});

function spawnBot(): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/support/run-bot.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_BOT_TOKEN: standin.botToken,
      SLACK_SIGNING_SECRET: standin.signingSecret,
      SLACK_API_URL: standin.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      REGISTRY_PATH: ws.registryPath,
      DATABASE_URL: ws.databaseUrl,
      NOTICE_CHANNELS: CHANNELS.join(','),
      // A killed replica's rows are taken over once their lease passes; keep the test short.
      TEST_NOTICE_LEASE_MS: '1500',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  const events = new EventEmitter();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(JSON.parse(line) as Record<string, unknown>);
    events.emit('line');
  });
  const event = (name: string, count = 1) =>
    new Promise<void>((resolve, reject) => {
      const look = (): void => {
        if (lines.filter((l) => l.event === name).length < count) return;
        cleanup();
        resolve();
      };
      const exited = (): void => {
        cleanup();
        reject(new Error(`bot exited before ${count} x ${name}; stderr:\n${stderr}`));
      };
      const cleanup = (): void => {
        events.off('line', look);
        child.off('exit', exited);
      };
      events.on('line', look);
      child.once('exit', exited);
      look();
    });
  return { child, lines, event };
}

async function sigterm(bot: BotProcess): Promise<void> {
  bot.child.kill('SIGTERM');
  const [code] = await once(bot.child, 'exit');
  expect(code).toBe(0);
}

it('killed (SIGKILL) in the middle of a fan-out to 20 channels: after restart each channel has the notice exactly once', async () => {
  // 1. First start records the baseline and announces nothing.
  const first = spawnBot();
  await first.event('ready');
  await first.event('idle');
  await sigterm(first);
  expect(posts(standin)).toHaveLength(0);

  // 2. Change the registry while the bot is down; 15 channels' posts will hang on the wire.
  editFile(ws.registryPath, promoteMulticluster);
  for (const channel of CHANNELS.slice(5))
    standin.injectFault('chat.postMessage', { hang: true }, { channel });
  const second = spawnBot();
  await second.event('sent', 5);
  await standin.waitForCall('chat.postMessage', { count: 20 });
  second.child.kill('SIGKILL');
  await once(second.child, 'exit');
  expect(posts(standin)).toHaveLength(5); // 3. Restart: once their leases pass, the 15 rows the dead process held are checked against each
  //    channel's history and posted (they never reached Slack); the 5 delivered ones are not touched.
  const third = spawnBot();
  await third.event('idle');
  expect(third.lines.filter((l) => l.event === 'sent')).toHaveLength(15);
  for (const channel of CHANNELS) expect(noticesIn(standin, channel), channel).toHaveLength(1);
  await sigterm(third);

  // 4. A restart with no change sends nothing more.
  const fourth = spawnBot();
  await fourth.event('idle');
  await sigterm(fourth);
  expect(posts(standin)).toHaveLength(20);
  const store = await openSqliteStore(ws.databaseUrl.replace(/^sqlite:/, ''));
  try {
    expect((await store.outbox.rows()).map((r) => r.status)).toEqual(Array(20).fill('sent'));
  } finally {
    await store.close();
  }
}, 60_000);
