import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SlackStandin, SlackStandin as Standin } from '@osm-feature-bot/slack-standin';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from '../../src/bot.js';
import { READY_PATH } from '../../src/operate/routes.js';
import { configFor } from '../harness/bot-config.js';
import { type BotProcess, killLeftovers, startBotProcess } from './support/bot-process.js';

let standin: SlackStandin | undefined;
let dir: string | undefined;
afterEach(async () => {
  await killLeftovers();
  await standin?.close();
  standin = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The real bot in Socket Mode as its own process; /readyz and /metrics on its PORT. */
async function socketBot(): Promise<{ bot: BotProcess; standin: SlackStandin; url: string }> {
  standin = await Standin.start();
  dir = mkdtempSync(join(tmpdir(), 'osm-socket-'));
  const bot = await startBotProcess({
    standin,
    registryPath: 'tests/fixtures/registry/osm.yml',
    databaseUrl: `sqlite:${join(dir, 'bot.db')}`,
    receive: false,
    env: { SLACK_APP_TOKEN: standin.appToken, TEST_SOCKET_BACKOFF_MS: '20', TEST_READINESS_CACHE_MS: '1' },
  });
  await standin.socketConnected();
  return { bot, standin, url: `http://127.0.0.1:${bot.port}` };
}

/** Asks /readyz until it answers `status`; each answer is at most 1 ms old. */
async function readyzUntil(url: string, status: number): Promise<unknown> {
  for (let i = 0; i < 5_000; i++) {
    const res = await fetch(`${url}${READY_PATH}`);
    const body: unknown = await res.json();
    if (res.status === status) return body;
  }
  throw new Error(`/readyz never answered ${status}`);
}

function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('Socket Mode on a bad network (a real bot process)', () => {
  it('rides out eight failed apps.connections.open calls: not ready meanwhile, back by itself, never exits', async () => {
    const t = await socketBot();
    expect(await readyzUntil(t.url, 200)).toMatchObject({ checks: { slack: 'ok' } });
    const opensBefore = t.standin.callsTo('apps.connections.open').length;
    t.standin.injectFault('apps.connections.open', { status: 500 }, { times: 8 });
    t.standin.dropSocket();
    expect(await readyzUntil(t.url, 503)).toEqual({
      status: 'not ready',
      checks: { registry: 'ok', store: 'ok', slack: 'failed' },
    });
    // Eight refused, the ninth handed out a URL, and the socket said hello.
    await t.standin.waitForCall('apps.connections.open', { count: opensBefore + 9, timeoutMs: 20_000 });
    await t.standin.socketConnected();
    await readyzUntil(t.url, 200);
    expect(t.bot.child.exitCode).toBeNull();
    const opens = t.standin.callsTo('apps.connections.open').slice(opensBefore);
    expect(opens.map((c) => c.status)).toEqual([500, 500, 500, 500, 500, 500, 500, 500, 200]);
    const ack = await t.standin.sendSocketCommand('multicluster');
    expect(JSON.stringify(ack.payload)).toContain('Multicluster');
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(sample(metrics, 'osm_feature_bot_socket_reconnects_total')).toBe(1);
  });

  it('on refresh_requested opens the new connection before the old one closes: every envelope answered, once', async () => {
    const t = await socketBot();
    expect(t.standin.socketHellos).toEqual([1]);
    t.standin.disconnectSocket('refresh_requested');
    // Commands one after another, the whole time the connection is being replaced, until the old one is gone.
    const acks: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const ack = await t.standin.sendSocketCommand('multicluster', {}, { timeoutMs: 3_000 });
      expect(JSON.stringify(ack.payload)).toContain('Multicluster');
      acks.push(ack.envelope_id);
      if (t.standin.socketHellos.length === 2 && t.standin.socketConnections === 1) break;
    }
    // The new connection said hello while the old one was still open (2 connections), and the old one is gone.
    expect(t.standin.socketHellos).toEqual([1, 2]);
    expect(t.standin.socketConnections).toBe(1);
    // Each envelope acked exactly once.
    const acked = t.standin.callsTo('ack').map((c) => String(c.params.envelope_id));
    for (const id of acks) expect(acked.filter((a) => a === id)).toHaveLength(1);
    expect(t.bot.child.exitCode).toBeNull();
    // And the new connection answers on its own.
    const after = await t.standin.sendSocketCommand('vault');
    expect(JSON.stringify(after.payload)).toContain('Vault');
  });
});

describe('Socket Mode with an app-level token Slack refuses', () => {
  it('fails the first start with one message naming the cause, never the token', async () => {
    standin = await Standin.start();
    dir = mkdtempSync(join(tmpdir(), 'osm-socket-'));
    const wrong = 'xapp-1-A0WRONG-0000-notthetoken';
    const config = configFor(standin, dir, {
      mode: { kind: 'socket', botToken: standin.botToken, appToken: wrong },
      registryPath: 'tests/fixtures/registry/osm.yml',
    });
    const failure = await startBot(config, pino({ level: 'silent' })).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe(
      'Socket Mode: apps.connections.open refused the app-level token (invalid_auth)',
    );
    expect((failure as Error).message).not.toContain(wrong);
    expect(standin.callsTo('apps.connections.open')).toHaveLength(1);
  });
});
