import { describe, expect, it } from 'vitest';
import { useSharedBot } from './support/shared-bot.js';

// Correctly signed bodies of the wrong shape. Only someone holding the signing secret can send these, but a
// bug on Slack's side or a leaked secret must not take the bot down: each gets an answer or a 400, at once
// (never Bolt's 404 after 3 s), and never a 500 or a crash.

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };
/** Longer than Bolt's 3 s no-ack timeout, so a request Bolt never answers shows up as its 404. */
const TIMEOUT_MS = 4500;

const shared = useSharedBot();

const command = (fields: Record<string, string> = {}): Record<string, string> =>
  shared.t.standin.buildCommandPayload('multicluster', fields);

describe('signed bodies of the wrong shape', () => {
  it('answers a command sent as JSON instead of a form, as Bolt reads it', async () => {
    const res = await shared.t.standin.sendRaw(JSON.stringify(command()), JSON_TYPE, {
      timeoutMs: TIMEOUT_MS,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ response_type: 'ephemeral' });
  });

  it('answers a command without a text field with help', async () => {
    const { text: _text, ...fields } = command();
    const res = await shared.t.standin.sendRaw(new URLSearchParams(fields).toString(), FORM, {
      timeoutMs: TIMEOUT_MS,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ response_type: 'ephemeral' });
  });

  it('ignores unknown fields', async () => {
    const res = await shared.t.standin.sendCommand('multicluster', {
      evil: '<!channel>',
      __proto__: 'x',
      constructor: 'y',
      'text[]': 'z',
    });
    expect(res.status).toBe(200);
    expect(res.body).not.toMatch(/<!channel>/);
  });

  it('answers a mention with no channel (acked at once; the failure is the bot’s to log)', async () => {
    const res = await shared.t.standin.sendEvent({
      type: 'app_mention',
      user: 'U0USER',
      text: 'multicluster',
      ts: '1.2',
    });
    expect(res.status).toBe(200);
  });

  it.each<[string, string, Record<string, string>]>([
    ['a JSON command sent as a form', JSON.stringify({ command: '/osm-feature', text: 'x' }), FORM],
    [
      'a JSON event sent as a form',
      JSON.stringify({ type: 'event_callback', event: { type: 'app_mention' } }),
      FORM,
    ],
    ['JSON null', 'null', JSON_TYPE],
    ['a JSON array', '[1,2,3]', JSON_TYPE],
    ['a JSON string', '"hello"', JSON_TYPE],
    ['an event that is null', JSON.stringify({ type: 'event_callback', event: null }), JSON_TYPE],
    ['an event that is a string', JSON.stringify({ type: 'event_callback', event: 'x' }), JSON_TYPE],
    ['block_actions without a user', JSON.stringify({ type: 'block_actions', actions: [] }), JSON_TYPE],
    [
      'a view_submission without a view',
      JSON.stringify({ type: 'view_submission', user: { id: 'U1' } }),
      JSON_TYPE,
    ],
    [
      'a view_closed whose view is null',
      JSON.stringify({ type: 'view_closed', user: { id: 'U1' }, view: null }),
      JSON_TYPE,
    ],
    [
      'a form payload without a user',
      `payload=${encodeURIComponent('{"type":"block_actions","actions":[]}')}`,
      FORM,
    ],
    ['an object Bolt cannot route', JSON.stringify({ hello: 'world' }), JSON_TYPE],
    ['a form Bolt cannot route', 'hello=world', FORM],
  ])('%s: 400 at once', async (_label, body, headers) => {
    const res = await shared.t.standin.sendRaw(body, headers, { timeoutMs: TIMEOUT_MS });
    expect(res.status).toBe(400);
  });

  it.each<[string, string, Record<string, string>]>([
    ['malformed JSON', '{"command":', JSON_TYPE],
    ['a payload that is not JSON', 'payload=%7Bnope', FORM],
    ['no content-type', 'text=hi', {}],
  ])('%s: 400 (Bolt rejects it before the bot sees it)', async (_label, body, headers) => {
    const res = await shared.t.standin.sendRaw(body, headers, { timeoutMs: TIMEOUT_MS });
    expect(res.status).toBe(400);
  });

  it('is still up and answering, with no shared.unhandled rejection', async () => {
    const res = await shared.t.standin.sendCommand('multicluster');
    expect(res.status).toBe(200);
    expect(shared.unhandled).toEqual([]);
  });
});
