import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, describe, expect, it } from 'vitest';
import type { SingleWorkspaceBot } from '../../src/bot.js';
import { BOT_METRICS } from '../../src/operate/metric-names.js';
import { HEALTH_PATH, METRICS_PATH, READY_PATH } from '../../src/operate/routes.js';
import { blockConnections, createTestDatabase, POSTGRES_AVAILABLE } from '../harness/postgres.js';
import { FAST_RETRIES } from './support/bot-under-test.js';
import { editFile, noticeWorkspace, promoteMulticluster, startNoticeBot } from './support/notices-harness.js';

let standin: SlackStandin | undefined;
let bot: SingleWorkspaceBot | undefined;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await standin?.close();
  standin = undefined;
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(
  opts: { databaseUrl?: string; channels?: string[]; metricsPort?: number } = {},
): Promise<{ bot: SingleWorkspaceBot; standin: SlackStandin; url: string; registryPath: string }> {
  standin = await SlackStandin.start({ channels: [{ id: 'C0NEWS', name: 'news' }] });
  const ws = noticeWorkspace();
  cleanups.push(ws.cleanup);
  const started = await startNoticeBot(
    standin,
    { registryPath: ws.registryPath, databaseUrl: opts.databaseUrl ?? ws.databaseUrl },
    {
      noticeChannels: opts.channels ?? [],
      ...(opts.metricsPort === undefined ? {} : { metricsPort: opts.metricsPort }),
    },
    { readinessCacheMs: 0, retryConfig: FAST_RETRIES },
  );
  bot = started.bot;
  return { bot, standin, url: `http://127.0.0.1:${bot.port}`, registryPath: ws.registryPath };
}

/** One sample's value from the text exposition (0 when the series is absent). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function metricsText(url: string): Promise<string> {
  const res = await fetch(`${url}${METRICS_PATH}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

/** Asks /readyz until it answers `status` (each answer is fresh: the cache is off in these tests). */
async function readyzUntil(url: string, status: number): Promise<{ status: number; body: unknown }> {
  for (let i = 0; i < 2_000; i++) {
    const res = await fetch(`${url}${READY_PATH}`);
    const body: unknown = await res.json();
    if (res.status === status) return { status: res.status, body };
  }
  throw new Error(`/readyz never answered ${status}`);
}

describe('health, readiness and metrics over HTTP', () => {
  it('serves /healthz, /readyz and every catalogued metric on PORT, without a signature', async () => {
    const t = await start();
    expect((await fetch(`${t.url}${HEALTH_PATH}`)).status).toBe(200);
    const ready = await fetch(`${t.url}${READY_PATH}`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { registry: 'ok', store: 'ok', slack: 'ok' },
    });
    const text = await metricsText(t.url);
    for (const m of BOT_METRICS) expect(text).toContain(`# TYPE ${m.name} ${m.type}`);
    expect(text).toContain('# TYPE process_resident_memory_bytes gauge');
    expect(text).toMatch(/osm_feature_bot_registry_info\{release="[^"]+",hash="[0-9a-f]{12}"\} 1/);
  });

  it('counts a command by kind and outcome and times its ack; reveals no token, team or text', async () => {
    const t = await start();
    const before = await metricsText(t.url);
    const answered = 'osm_feature_bot_requests_total{kind="command",outcome="answered"}';
    const notFound = 'osm_feature_bot_requests_total{kind="command",outcome="not_found"}';
    expect(sample(before, answered)).toBe(0);
    expect((await t.standin.sendCommand('multicluster')).status).toBe(200);
    expect((await t.standin.sendCommand('zzzqqq-secret-words')).status).toBe(200);
    const after = await metricsText(t.url);
    expect(sample(after, answered)).toBe(1);
    expect(sample(after, notFound)).toBe(1);
    expect(sample(after, 'osm_feature_bot_ack_seconds_count{kind="command"}')).toBe(2);
    expect(sample(after, 'osm_feature_bot_ack_seconds_bucket{le="3",kind="command"}')).toBe(2);
    for (const secret of [t.standin.botToken, t.standin.signingSecret, t.standin.teamId, 'zzzqqq'])
      expect(after).not.toContain(secret);
  });

  it('counts a sent notice and reads the outbox gauges from the store', async () => {
    const t = await start({ channels: ['C0NEWS'] });
    const before = await metricsText(t.url);
    expect(sample(before, 'osm_feature_bot_notices_total{outcome="sent"}')).toBe(0);
    expect(sample(before, 'osm_feature_bot_outbox_pending')).toBe(0);
    const lastChange = sample(before, 'osm_feature_bot_registry_last_change_timestamp_seconds');
    expect(lastChange).toBeGreaterThan(0);
    const sent = new Promise((resolve) => t.bot.notices.once('sent', resolve));
    editFile(t.registryPath, promoteMulticluster);
    await sent;
    await t.bot.notices.whenIdle();
    const after = await metricsText(t.url);
    expect(sample(after, 'osm_feature_bot_notices_total{outcome="sent"}')).toBe(1);
    expect(sample(after, 'osm_feature_bot_outbox_pending')).toBe(0);
    expect(sample(after, 'osm_feature_bot_registry_last_change_timestamp_seconds')).toBeGreaterThanOrEqual(
      lastChange,
    );
    expect(after).not.toContain('C0NEWS');
  });

  it('counts 429s by Web API method', async () => {
    const t = await start();
    t.standin.injectFault('chat.postMessage', { status: 429, retryAfter: 0 });
    await t.standin.sendEvent({
      type: 'app_mention',
      user: 'U0USER',
      text: `<@${t.standin.botUserId}> multicluster`,
      ts: '1700000001.000100',
      channel: 'C0NEWS',
    });
    // The retry is sent after the 429 was read, so the count is in by the time the stand-in sees it.
    await t.standin.waitForCall('chat.postMessage', { count: 2 });
    const text = await metricsText(t.url);
    expect(sample(text, 'osm_feature_bot_slack_rate_limited_total{method="chat.postMessage"}')).toBe(1);
    expect(sample(text, 'osm_feature_bot_requests_total{kind="mention",outcome="answered"}')).toBe(1);
  });

  it('moves /metrics to METRICS_PORT, and off PORT', async () => {
    const t = await start({ metricsPort: 0 });
    expect(t.bot.metricsPort).toBeGreaterThan(0);
    expect((await fetch(`${t.url}${METRICS_PATH}`)).status).toBe(404);
    const text = await metricsText(`http://127.0.0.1:${t.bot.metricsPort}`);
    expect(text).toContain('osm_feature_bot_requests_total');
    expect((await fetch(`${t.url}${READY_PATH}`)).status).toBe(200);
  });
});

describe.skipIf(!POSTGRES_AVAILABLE)('readiness follows the database (PostgreSQL)', () => {
  it('turns 503 naming the store while the database refuses connections, and 200 once it is back', async () => {
    const db = await createTestDatabase('readyz');
    cleanups.push(async () => {
      await blockConnections(db.name, false);
      await db.drop();
    });
    const t = await start({ databaseUrl: db.url });
    expect((await readyzUntil(t.url, 200)).status).toBe(200);
    await blockConnections(db.name, true);
    const down = await readyzUntil(t.url, 503);
    expect(down.body).toEqual({
      status: 'not ready',
      checks: { registry: 'ok', store: 'failed', slack: 'ok' },
    });
    // Liveness does not depend on the database: the process is fine.
    expect((await fetch(`${t.url}${HEALTH_PATH}`)).status).toBe(200);
    await blockConnections(db.name, false);
    expect((await readyzUntil(t.url, 200)).body).toEqual({
      status: 'ready',
      checks: { registry: 'ok', store: 'ok', slack: 'ok' },
    });
  });
});
