import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite.js';
import { type BotUnderTest, startBotUnderTest } from './support/bot-under-test.js';

/** The team the Slack stand-in's token belongs to. */
const STANDIN_TEAM = 'T0STANDIN';

let t: BotUnderTest;
beforeEach(async () => {
  t = await startBotUnderTest();
});
afterEach(async () => {
  await t.close();
});

const mention = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'app_mention',
  user: 'U0USER',
  text: `<@${t.standin.botUserId}> ${text}`,
  ts: '1700000001.000100',
  channel: 'C0GENERAL',
  event_ts: '1700000001.000100',
  ...extra,
});

describe('HTTP mode, end to end', () => {
  it('answers /osm-feature multicluster with the Alpha card in the ack, ephemeral', async () => {
    const res = await t.standin.sendCommand('multicluster');
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { response_type: string; text: string; blocks: { type: string }[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Multicluster' } });
    expect(JSON.stringify(body.blocks)).toContain('Alpha');
    expect(JSON.stringify(body.blocks)).toContain('Can be deprecated at any time');
    expect(body.text).toContain('Multicluster: Alpha');
    t.standin.assertClean();
  });

  it('posts all 21 stable features in the thread of a mention', async () => {
    const sent = await t.standin.sendEvent(mention('which features are stable?'));
    expect(sent.status).toBe(200);
    const [post] = await t.standin.waitForCall('chat.postMessage');
    expect(post?.params.channel).toBe('C0GENERAL');
    expect(post?.params.thread_ts).toBe('1700000001.000100');
    const blocks = JSON.stringify(post?.params.blocks);
    expect(blocks).toContain('Stable features in v1.2 (21)');
    expect((blocks.match(/• /g) ?? []).length).toBe(21);
    t.standin.assertClean();
  });

  it('answers a DM in the DM', async () => {
    await t.standin.sendEvent({
      type: 'message',
      channel_type: 'im',
      channel: 'D0BOTDM',
      user: 'U0USER',
      text: 'what does beta mean?',
      ts: '1700000002.000100',
    });
    const [post] = await t.standin.waitForCall('chat.postMessage');
    expect(post?.params.channel).toBe('D0BOTDM');
    expect(post?.params.thread_ts).toBeUndefined();
    expect(JSON.stringify(post?.params.blocks)).toContain('at least 2 minor releases');
  });

  it('answers phrasing it does not understand, kindly', async () => {
    await t.standin.sendEvent(mention('zzz qqq'));
    const [post] = await t.standin.waitForCall('chat.postMessage');
    expect(String(post?.params.text)).toMatch(/didn't understand|don't know/);
  });

  it('answers a question in another language, in English, with help', async () => {
    await t.standin.sendEvent(mention('¿qué tal?'));
    const [post] = await t.standin.waitForCall('chat.postMessage');
    expect(String(post?.params.text)).toContain('I answer in English only for now');
  });

  it('rejects a bad or stale signature with 401 and posts nothing', async () => {
    const wrong = await t.standin.sendCommand('multicluster', {}, { secret: 'not-the-secret' });
    const stale = await t.standin.sendCommand(
      'multicluster',
      {},
      { timestamp: Math.floor(Date.now() / 1000) - 301 },
    );
    const missing = await t.standin.sendEvent(mention('stable'), { omitHeaders: ['signature'] });
    expect([wrong.status, stale.status, missing.status]).toEqual([401, 401, 401]);
    const ok = await t.standin.sendCommand('help');
    expect(ok.status).toBe(200);
    expect(t.standin.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers a retried event once', async () => {
    const first = await t.standin.sendEvent(mention('stable'), { eventId: 'Ev0RETRY' });
    await t.standin.waitForCall('chat.postMessage');
    const retry = await t.standin.sendEvent(mention('stable'), {
      eventId: 'Ev0RETRY',
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    expect([first.status, retry.status]).toEqual([200, 200]);
    // A later, different event is answered: when its post arrives, the retry's would have arrived before it.
    await t.standin.sendEvent(mention('beta'), { eventId: 'Ev0LATER' });
    await t.standin.waitForCall('chat.postMessage', { count: 2 });
    const posts = t.standin.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(JSON.stringify(posts[1]?.params.blocks)).toContain('Beta features');
  });

  it('acks a subscription command at once, however it is phrased, and answers through response_url', async () => {
    const res = await t.standin.sendCommand('subscribe me to vault');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const id = res.responseUrl.split('/').at(-1);
    const [answer] = await t.standin.waitForCall((c) => c.kind === 'respond' && c.responseUrlId === id);
    expect(String(answer?.params.text)).toContain('Vault');
  });

  it('never pings @channel when echoing what a user typed', async () => {
    const res = await t.standin.sendCommand('<!channel> <!here> <@U123> &lt;!everyone&gt; nonsense');
    const body = res.body;
    expect(body).not.toMatch(/<!(channel|here|everyone)|<@U/);
  });
});

describe('start-up housekeeping', () => {
  it('forgets event ids older than a day, so the dedup table cannot grow forever', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-trim-'));
    try {
      const file = join(dir, 'old.db');
      const databaseUrl = `sqlite:${file}`;
      const store = await openSqliteStore(file);
      const ws = { teamId: STANDIN_TEAM };
      await store.events.firstSeen(ws, 'Ev0OLD', Date.now() - 2 * 24 * 60 * 60 * 1000);
      await store.events.firstSeen(ws, 'Ev0NEW', Date.now());
      await store.close();
      const other = await startBotUnderTest({ config: { databaseUrl } });
      try {
        expect(other.bot.workspace.teamId).toBe(STANDIN_TEAM);
        expect(await other.bot.store.events.firstSeen(ws, 'Ev0OLD')).toBe(true);
        expect(await other.bot.store.events.firstSeen(ws, 'Ev0NEW')).toBe(false);
      } finally {
        await other.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
