import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Fault, RecordedCall } from '@osm-feature-bot/slack-standin';
import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BotOptions, type SingleWorkspaceBot, startBot } from '../../src/bot.js';
import { configFor } from '../harness/bot-config.js';
import { FAST_RETRIES } from './support/bot-under-test.js';

// Slack Web API faults on chat.postMessage while the bot answers mentions: every answer arrives once, or the
// failure is logged after the retries (FAST_RETRIES: 2 retries, so 3 attempts), and the process never has an
// unhandled rejection. A hung call needs a client timeout; `clientTimeoutMs` is the app option for it.
const CLIENT_TIMEOUT_MS = 300;

const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
beforeAll(() => {
  process.on('unhandledRejection', recordUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', recordUnhandled);
});

interface LogLine {
  level: number;
  msg: string;
  event_id?: string;
}

interface FaultyBot {
  standin: SlackStandin;
  bot: SingleWorkspaceBot;
  logs: LogLine[];
  close(): Promise<void>;
}

let t: FaultyBot;

/** The real bot against a fresh stand-in, with its log lines captured (JSON, info and up). */
async function startFaultyBot(): Promise<FaultyBot> {
  const standin = await SlackStandin.start({
    channels: ['C0GENERAL', 'C0FAULT1', 'C0FAULT2', 'C0FAULT3', 'C0FAULT4'].map((id) => ({
      id,
      name: id.toLowerCase(),
      isMember: true,
    })),
  });
  const dir = mkdtempSync(join(tmpdir(), 'osm-faults-'));
  copyFileSync('tests/fixtures/registry/osm.yml', join(dir, 'features.yml'));
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString()) as LogLine);
      done();
    },
  });
  const options: BotOptions & { clientTimeoutMs: number } = {
    retryConfig: FAST_RETRIES,
    clientTimeoutMs: CLIENT_TIMEOUT_MS,
  };
  const bot = await startBot(
    configFor(standin, dir, { logLevel: 'info' }),
    pino({ level: 'info' }, sink),
    options,
  );
  standin.setAppUrl(`http://127.0.0.1:${bot.port ?? 0}`);
  return {
    standin,
    bot,
    logs,
    async close() {
      await bot.stop();
      await standin.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

afterEach(async () => {
  await t?.close();
  expect(unhandled).toEqual([]);
});

let tsCounter = 0;

/** Sends a mention in `channel`; the answer's thread_ts must equal the returned ts. */
async function mention(channel: string, question = 'multicluster'): Promise<{ ts: string; eventId: string }> {
  tsCounter++;
  const ts = `1700000100.${String(tsCounter).padStart(6, '0')}`;
  const sent = await t.standin.sendEvent({
    type: 'app_mention',
    user: 'U0USER',
    text: `<@${t.standin.botUserId}> ${question}`,
    ts,
    channel,
    event_ts: ts,
  });
  expect(sent.status).toBe(200);
  return { ts, eventId: sent.eventId };
}

const postsIn = (ts: string) => (c: RecordedCall) =>
  c.method === 'chat.postMessage' && c.params.thread_ts === ts;
const delivered = (ts: string) => (c: RecordedCall) =>
  postsIn(ts)(c) && c.status === 200 && (c.response as { ok?: boolean }).ok === true;

describe('Web API faults during mentions', () => {
  it.each<[string, Fault, number]>([
    ['500 Internal Server Error, twice', { status: 500 }, 2],
    ['503 Service Unavailable, once', { status: 503 }, 1],
    ['429 with Retry-After: 1', { status: 429, retryAfter: 1 }, 1],
    ['a connection reset', { reset: true }, 1],
    ['a call that never answers (client timeout)', { hang: true }, 1],
  ])('answers once after %s', async (_label, fault, times) => {
    t = await startFaultyBot();
    t.standin.injectFault('chat.postMessage', fault, { times });
    const { ts } = await mention('C0GENERAL');
    const [answer] = await t.standin.waitForCall(delivered(ts), { timeoutMs: 8000 });
    expect(JSON.stringify(answer?.params.blocks)).toContain('Multicluster');
    // A later question is answered after it: by then a duplicate of the first would have landed too.
    const { ts: later } = await mention('C0GENERAL', 'stable');
    await t.standin.waitForCall(delivered(later), { timeoutMs: 8000 });
    expect(t.standin.calls.filter(delivered(ts))).toHaveLength(1);
    expect(t.standin.calls.filter(postsIn(ts))).toHaveLength(times + 1);
    t.standin.assertClean();
  });

  it('logs the failure after the retries are used up, and tells the user once', async () => {
    t = await startFaultyBot();
    t.standin.injectFault('chat.postMessage', { status: 500 }, { times: FAST_RETRIES.retries + 1 });
    const { ts, eventId } = await mention('C0GENERAL');
    const [apology] = await t.standin.waitForCall(delivered(ts), { timeoutMs: 8000 });
    expect(String(apology?.params.text)).toMatch(/sorry|went wrong/i);
    expect(t.standin.calls.filter(postsIn(ts))).toHaveLength(FAST_RETRIES.retries + 2);
    // One error line for the event, once web-api's retries are used up (pino level 50 = error).
    expect(t.logs.filter((l) => l.level >= 50 && l.event_id === eventId)).toHaveLength(1);
  });

  it('answers every mention once when faults of every kind hit different channels at once', async () => {
    t = await startFaultyBot();
    const faults: [string, Fault][] = [
      ['C0FAULT1', { status: 500 }],
      ['C0FAULT2', { status: 429, retryAfter: 1 }],
      ['C0FAULT3', { reset: true }],
      ['C0FAULT4', { hang: true }],
    ];
    for (const [channel, fault] of faults) t.standin.injectFault('chat.postMessage', fault, { channel });
    const sent = (
      await Promise.all([...faults.map(([channel]) => mention(channel)), mention('C0GENERAL')])
    ).map((m) => m.ts);
    for (const ts of sent) await t.standin.waitForCall(delivered(ts), { timeoutMs: 8000 });
    const health = await t.standin.sendCommand('multicluster');
    expect(health.status).toBe(200);
    for (const ts of sent) expect(t.standin.calls.filter(delivered(ts))).toHaveLength(1);
  });
});
