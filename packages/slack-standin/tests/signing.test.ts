import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackStandin, signSlackRequest, verifySlackSignature } from '../src/index.js';

interface Seen {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let standin: SlackStandin | undefined;
let app: Server | undefined;

/** A tiny stand-in for the app: records what arrives and answers 200. */
async function startApp(seen: Seen[]): Promise<string> {
  app = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.end();
    });
  });
  await new Promise<void>((resolve) => app?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await standin?.close();
  await new Promise<void>((resolve) => (app ? app.close(() => resolve()) : resolve()));
  standin = undefined;
  app = undefined;
});

function verify(secret: string, s: Seen): boolean {
  return verifySlackSignature({
    secret,
    timestamp: Number(s.headers['x-slack-request-timestamp']),
    signature: String(s.headers['x-slack-signature']),
    rawBody: s.body,
  });
}

describe('signing', () => {
  it('matches the v0 HMAC Slack documents', () => {
    // Worked example from Slack's "Verifying requests from Slack" page.
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('rejects stale timestamps but accepts future ones, like Bolt', () => {
    const now = 1_700_000_000;
    const sig = (ts: number) => signSlackRequest('s', ts, 'b');
    expect(
      verifySlackSignature({
        secret: 's',
        timestamp: now - 301,
        signature: sig(now - 301),
        rawBody: 'b',
        nowSeconds: now,
      }),
    ).toBe(false);
    expect(
      verifySlackSignature({
        secret: 's',
        timestamp: now + 3600,
        signature: sig(now + 3600),
        rawBody: 'b',
        nowSeconds: now,
      }),
    ).toBe(true);
    expect(
      verifySlackSignature({
        secret: 's',
        timestamp: now,
        signature: sig(now),
        rawBody: 'c',
        nowSeconds: now,
      }),
    ).toBe(false);
  });

  it('sends a signed, exactly form-encoded slash command with a live response_url', async () => {
    const seen: Seen[] = [];
    standin = await SlackStandin.start({ appUrl: await startApp(seen) });
    const result = await standin.sendCommand('status mtls', { user_id: 'U0OTHER' });
    expect(result.status).toBe(200);
    const [req] = seen;
    expect(req?.path).toBe('/slack/events');
    expect(req?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req && verify(standin.signingSecret, req)).toBe(true);
    const fields = new URLSearchParams(req?.body);
    expect(fields.get('command')).toBe('/osm-feature');
    expect(fields.get('text')).toBe('status mtls');
    expect(fields.get('user_id')).toBe('U0OTHER');
    expect(fields.get('channel_id')).toBe('C0GENERAL');
    expect(fields.get('response_url')).toBe(result.responseUrl);
    expect(result.responseUrl.startsWith(`${standin.baseUrl}/respond/`)).toBe(true);
  });

  it('sends events as signed JSON with retry headers, and lets hostile tests break signatures', async () => {
    const seen: Seen[] = [];
    standin = await SlackStandin.start();
    standin.setAppUrl(await startApp(seen));
    const sent = await standin.sendEvent(
      { type: 'app_mention', text: 'hi' },
      { retryNum: 1, eventId: 'Ev1' },
    );
    await standin.sendInteraction({ type: 'block_actions' }, { secret: 'wrong' });
    await standin.sendRaw('{}', { 'content-type': 'application/json' }, { signature: null, path: '/other' });
    await standin.sendRaw('{}', { 'content-type': 'application/json' }, { omitHeaders: ['timestamp'] });
    expect(sent.eventId).toBe('Ev1');
    const [event, interaction, unsigned, noTimestamp] = seen;
    expect(event?.headers['content-type']).toBe('application/json');
    expect(event?.headers['x-slack-retry-num']).toBe('1');
    expect(event?.headers['x-slack-retry-reason']).toBe('http_timeout');
    expect(JSON.parse(event?.body ?? '{}')).toMatchObject({
      type: 'event_callback',
      event_id: 'Ev1',
      authorizations: [{ team_id: 'T0STANDIN', user_id: 'UBOT', is_bot: true }],
      event: { type: 'app_mention', text: 'hi' },
    });
    expect(event && verify(standin.signingSecret, event)).toBe(true);
    expect(interaction && verify(standin.signingSecret, interaction)).toBe(false);
    expect(new URLSearchParams(interaction?.body).get('payload')).toBe('{"type":"block_actions"}');
    expect(unsigned?.path).toBe('/other');
    expect(unsigned?.headers['x-slack-signature']).toBeUndefined();
    expect(noTimestamp?.headers['x-slack-request-timestamp']).toBeUndefined();
  });
});
