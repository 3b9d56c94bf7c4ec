import { afterEach, describe, expect, it, vi } from 'vitest';
import { callApi, SlackStandin } from '../src/index.js';

let standin: SlackStandin | undefined;

async function start(opts?: Parameters<typeof SlackStandin.start>[0]): Promise<SlackStandin> {
  standin = await SlackStandin.start(opts);
  return standin;
}

afterEach(async () => {
  await standin?.close();
  standin = undefined;
  vi.restoreAllMocks();
});

describe('Web API', () => {
  it('answers auth.test with the bot identity', async () => {
    const s = await start({ teamId: 'T1' });
    const { status, json } = await callApi(s, 'auth.test');
    expect(status).toBe(200);
    expect(json).toMatchObject({ ok: true, team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' });
  });

  it('rejects a wrong or missing bearer token', async () => {
    const s = await start();
    expect((await callApi(s, 'auth.test', {}, 'xoxb-wrong')).json).toEqual({
      ok: false,
      error: 'invalid_auth',
    });
    expect((await callApi(s, 'auth.test', {}, null)).json).toEqual({ ok: false, error: 'not_authed' });
    expect((await callApi(s, 'apps.connections.open', {}, s.botToken)).json.ok).toBe(false);
  });

  it('records an unknown method loudly and assertClean throws', async () => {
    const s = await start();
    const loud = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { status, json } = await callApi(s, 'files.upload', { channels: 'C0GENERAL' });
    expect(status).toBe(200);
    expect(json).toEqual({ ok: false, error: 'unknown_method' });
    expect(s.unknownCalls().map((c) => c.method)).toEqual(['files.upload']);
    expect(loud).toHaveBeenCalledWith(expect.stringContaining("unknown method 'files.upload'"));
    expect(() => s.assertClean()).toThrow(/unknown method files\.upload/);
  });

  it('posts messages with unique increasing ts and stores them per channel', async () => {
    const s = await start();
    const changes: string[] = [];
    s.on('message', (c) => changes.push(`${c.type}:${c.channel}`));
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }];
    const first = await callApi(s, 'chat.postMessage', {
      channel: 'C0GENERAL',
      text: 'hi',
      blocks,
      team_id: 'T0',
    });
    const second = await callApi(s, 'chat.postMessage', {
      channel: 'C0GENERAL',
      text: 'reply',
      thread_ts: first.json.ts,
    });
    expect(first.json).toMatchObject({
      ok: true,
      channel: 'C0GENERAL',
      message: { text: 'hi', bot_id: 'BBOT' },
    });
    expect(String(first.json.ts)).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.json.ts)).toBeGreaterThan(Number(first.json.ts));
    expect(s.messages('C0GENERAL').map((m) => [m.text, m.thread_ts])).toEqual([
      ['hi', undefined],
      ['reply', first.json.ts],
    ]);
    expect(s.callsTo('chat.postMessage')[0]?.params.blocks).toEqual(blocks);
    expect(changes).toEqual(['posted:C0GENERAL', 'posted:C0GENERAL']);
    s.assertClean();
  });

  it('applies channel rules: unknown, archived, private non-member; public non-member is fine', async () => {
    const s = await start();
    s.addChannel({ id: 'C0ARCH', name: 'old', isArchived: true });
    s.addChannel({ id: 'G0PRIV', name: 'secret', isPrivate: true, isMember: false, creator: 'U0MAKER' });
    s.addChannel({ id: 'C0PUB', name: 'pub', isMember: false });
    const post = (channel: string) => callApi(s, 'chat.postMessage', { channel, text: 't' });
    expect((await post('C0NOPE')).json.error).toBe('channel_not_found');
    expect((await post('C0ARCH')).json.error).toBe('is_archived');
    expect((await post('G0PRIV')).json.error).toBe('not_in_channel');
    expect((await post('C0PUB')).json.ok).toBe(true);
    expect((await callApi(s, 'conversations.info', { channel: 'G0PRIV' })).json.channel).toMatchObject({
      id: 'G0PRIV',
      name: 'secret',
      is_private: true,
      is_member: false,
      is_archived: false,
      is_im: false,
      creator: 'U0MAKER',
    });
    expect((await callApi(s, 'conversations.info', { channel: 'C0PUB' })).json.channel).not.toHaveProperty(
      'creator',
    );
  });

  it('answers invalid_blocks for a too-long header and records the violation', async () => {
    const s = await start();
    const blocks = [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }];
    const { json } = await callApi(s, 'chat.postMessage', { channel: 'C0GENERAL', text: 't', blocks });
    expect(json).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(JSON.stringify(json.response_metadata)).toContain('/blocks/0/text/text');
    expect(s.messages('C0GENERAL')).toEqual([]);
    expect(() => s.assertClean()).toThrow(/invalid_blocks/);
  });

  it('accepts blocks without text but assertClean flags the missing fallback', async () => {
    const s = await start();
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }];
    expect((await callApi(s, 'chat.postMessage', { channel: 'C0GENERAL', blocks })).json.ok).toBe(true);
    expect(() => s.assertClean()).toThrow(/missing_text/);
  });

  it('updates and deletes the bot messages', async () => {
    const s = await start();
    const posted = await callApi(s, 'chat.postMessage', { channel: 'C0GENERAL', text: 'v1', blocks: [] });
    const ts = String(posted.json.ts);
    expect((await callApi(s, 'chat.update', { channel: 'C0GENERAL', ts, text: 'v2' })).json.ok).toBe(true);
    expect(s.messages('C0GENERAL')[0]).toMatchObject({ text: 'v2', replaced: true });
    expect((await callApi(s, 'chat.delete', { channel: 'C0GENERAL', ts })).json.ok).toBe(true);
    expect(s.messages('C0GENERAL')).toEqual([]);
    expect((await callApi(s, 'chat.delete', { channel: 'C0GENERAL', ts })).json.error).toBe(
      'message_not_found',
    );
  });

  it('opens a DM and publishes a Home view', async () => {
    const s = await start();
    const opened = await callApi(s, 'conversations.open', { users: 'U0USER' });
    expect(opened.json.channel).toMatchObject({ id: 'D0BOTDM', is_im: true });
    const view = { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'home' } }] };
    const published = await callApi(s, 'views.publish', { user_id: 'U0USER', view });
    expect(published.json).toMatchObject({ ok: true, view: { type: 'home', blocks: view.blocks } });
    expect(s.homeView('U0USER')).toMatchObject({ blocks: view.blocks });
  });

  it('rate-limits chat.postMessage with 429 and Retry-After, recording but not storing', async () => {
    const s = await start({
      rateLimits: { perChannelPerSecond: 1, workspacePerSecond: 10 },
      now: () => 5000,
    });
    expect((await callApi(s, 'chat.postMessage', { channel: 'C0GENERAL', text: 'a' })).status).toBe(200);
    const limited = await callApi(s, 'chat.postMessage', { channel: 'C0GENERAL', text: 'b' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.json).toEqual({ ok: false, error: 'ratelimited' });
    expect(s.callsTo('chat.postMessage').map((c) => c.status)).toEqual([200, 429]);
    expect(s.messages('C0GENERAL').map((m) => m.text)).toEqual(['a']);
  });

  it('applies injected faults FIFO, filtered by channel', async () => {
    const s = await start();
    s.injectFault('chat.postMessage', { status: 500 });
    s.injectFault('chat.postMessage', { error: 'fatal_error' }, { channel: 'D0BOTDM' });
    s.injectFault('chat.postMessage', { status: 429, retryAfter: 2 });
    const post = (channel: string) => callApi(s, 'chat.postMessage', { channel, text: 't' });
    expect((await post('C0GENERAL')).status).toBe(500);
    const limited = await post('C0GENERAL');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '2']);
    expect((await post('D0BOTDM')).json).toEqual({ ok: false, error: 'fatal_error' });
    expect((await post('C0GENERAL')).json.ok).toBe(true);
  });

  it('resets the connection and holds a hanging call until close', async () => {
    const s = await start();
    s.injectFault('auth.test', { reset: true });
    await expect(callApi(s, 'auth.test')).rejects.toThrow();
    s.injectFault('auth.test', { hang: true });
    const hanging = callApi(s, 'auth.test');
    const settled = hanging.then(
      () => 'resolved',
      () => 'rejected',
    );
    await s.waitForCall((c) => c.method === 'auth.test' && c.status === 0, { count: 2 });
    await s.close();
    expect(await settled).toBe('rejected');
  });

  it('waitForCall counts already-recorded calls and times out with the recorded list', async () => {
    const s = await start();
    await callApi(s, 'auth.test');
    const waiting = s.waitForCall('auth.test', { count: 2 });
    await callApi(s, 'auth.test');
    expect((await waiting).length).toBe(2);
    await expect(s.waitForCall('chat.postMessage', { timeoutMs: 20 })).rejects.toThrow(
      /wanted 1 x 'chat.postMessage', got 0.*\n.*auth\.test/,
    );
  });
});
