import { afterEach, describe, expect, it } from 'vitest';
import { callApi, SlackStandin } from '../src/index.js';

let standin: SlackStandin | undefined;

afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

async function respond(url: string, body: Record<string, unknown>): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.text();
  return res.status;
}

describe('response_url', () => {
  it('posts ephemeral by default and in_channel on request', async () => {
    standin = await SlackStandin.start();
    const url = standin.newResponseUrl({ channel: 'C0GENERAL', user: 'U0USER' });
    expect(await respond(url, { text: 'only you' })).toBe(200);
    expect(await respond(url, { text: 'everyone', response_type: 'in_channel' })).toBe(200);
    const messages = standin.messages('C0GENERAL');
    expect(messages.map((m) => [m.text, m.ephemeral?.user])).toEqual([
      ['only you', 'U0USER'],
      ['everyone', undefined],
    ]);
    const [call] = standin.callsTo('response_url');
    expect(call).toMatchObject({ kind: 'respond', status: 200, params: { text: 'only you' } });
    expect(url.endsWith(String(call?.responseUrlId))).toBe(true);
    standin.assertClean();
  });

  it('replace_original replaces the message the URL was created for, in place', async () => {
    standin = await SlackStandin.start();
    const posted = await callApi(standin, 'chat.postMessage', { channel: 'C0GENERAL', text: 'card v1' });
    await callApi(standin, 'chat.postMessage', { channel: 'C0GENERAL', text: 'later' });
    const ts = String(posted.json.ts);
    const url = standin.newResponseUrl({ channel: 'C0GENERAL', user: 'U0USER', messageTs: ts });
    const updated = standin.waitForCall('response_url');
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'v2' } }];
    expect(await respond(url, { replace_original: true, text: 'card v2', blocks })).toBe(200);
    await updated;
    expect(standin.messages('C0GENERAL').map((m) => [m.ts, m.text, m.replaced ?? false])).toEqual([
      [ts, 'card v2', true],
      [expect.any(String), 'later', false],
    ]);
    expect(standin.messages('C0GENERAL')[0]?.blocks).toEqual(blocks);
  });

  it('replace_original without a message replaces the previous response from the same URL', async () => {
    standin = await SlackStandin.start();
    const changes: string[] = [];
    standin.on('message', (c) => changes.push(`${c.type}:${c.message.text}`));
    const url = standin.newResponseUrl({ channel: 'C0GENERAL', user: 'U0USER' });
    await respond(url, { text: 'loading' });
    await respond(url, { text: 'done', replace_original: true });
    await respond(url, { delete_original: true });
    expect(changes).toEqual(['ephemeral:loading', 'updated:done', 'deleted:done']);
    expect(standin.messages('C0GENERAL')).toEqual([]);
  });

  it('answers 404 for unknown ids and after five uses, 400 for broken blocks', async () => {
    standin = await SlackStandin.start();
    expect(await respond(`${standin.baseUrl}/respond/nope`, { text: 'x' })).toBe(404);
    const url = standin.newResponseUrl({ channel: 'C0GENERAL', user: 'U0USER' });
    const tooMany = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    expect(await respond(url, { text: 'x', blocks: tooMany })).toBe(400);
    for (let i = 0; i < 4; i += 1) expect(await respond(url, { text: `x${i}` })).toBe(200);
    expect(await respond(url, { text: 'sixth' })).toBe(404);
    expect(() => standin?.assertClean()).toThrow(/invalid_blocks/);
  });
});
