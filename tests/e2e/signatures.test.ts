import { type RecordedCall, type SendOpts, signSlackRequest } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from './support/bot-under-test.js';

// Requests that are not provably from Slack get 401 and change nothing: no post, no response_url reply, no
// subscription, and not even the event id is remembered (so the real delivery is still answered).

let t: BotUnderTest;
beforeEach(async () => {
  t = await startBotUnderTest();
});
afterEach(async () => {
  await t.close();
});

const now = (): number => Math.floor(Date.now() / 1000);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const mention = (ts: string) => ({
  type: 'app_mention',
  user: 'U0USER',
  text: `<@${t.standin.botUserId}> stable`,
  ts,
  channel: 'C0GENERAL',
  event_ts: ts,
});

const FORGERIES: [string, () => SendOpts][] = [
  ['signed with the wrong secret', () => ({ secret: 'not-the-signing-secret' })],
  ['a timestamp older than 5 minutes', () => ({ timestamp: now() - 301 })],
  ['a timestamp that is not a number', () => ({ timestamp: Number.NaN })],
  ['no signature header', () => ({ omitHeaders: ['signature'] })],
  ['no timestamp header', () => ({ omitHeaders: ['timestamp'] })],
  ['neither header', () => ({ omitHeaders: ['signature', 'timestamp'] })],
  ['a signature of the wrong version', () => ({ signature: 'v1=00' })],
  ['a truncated signature', () => ({ signature: 'v0=abc' })],
  ['an empty signature', () => ({ signature: '' })],
];

async function expectNothingProcessed(): Promise<void> {
  const acted = t.standin.calls.filter(
    (c: RecordedCall) => c.kind === 'respond' || c.method.startsWith('chat.'),
  );
  expect(acted).toEqual([]);
  expect(await t.bot.store.subscriptions.list(t.bot.workspace)).toEqual([]);
}

describe('requests that Slack did not sign', () => {
  it('control: the same command, signed, subscribes and answers through response_url', async () => {
    const res = await t.standin.sendCommand('subscribe all');
    expect(res.status).toBe(200);
    await t.standin.waitForCall((c: RecordedCall) => c.kind === 'respond');
    expect(await t.bot.store.subscriptions.list(t.bot.workspace)).toHaveLength(1);
  });

  it.each(FORGERIES)('a command with %s: 401, nothing done', async (_label, opts) => {
    const res = await t.standin.sendCommand('subscribe all', {}, opts());
    expect(res.status).toBe(401);
    expect(res.body).toBe('');
    await expectNothingProcessed();
  });

  it.each(FORGERIES)(
    'a mention with %s: 401, nothing done, the event id not used up',
    async (_label, opts) => {
      const forged = await t.standin.sendEvent(mention('1700000300.000100'), {
        ...opts(),
        eventId: 'Ev0FORGED',
      });
      expect(forged.status).toBe(401);
      await expectNothingProcessed();
      // Slack's own delivery of that event id is still answered.
      const real = await t.standin.sendEvent(mention('1700000300.000100'), { eventId: 'Ev0FORGED' });
      expect(real.status).toBe(200);
      await t.standin.waitForCall('chat.postMessage');
    },
  );

  it('a replayed command with a modified body: 401, nothing done', async () => {
    const timestamp = now();
    const original = new URLSearchParams(t.standin.buildCommandPayload('multicluster')).toString();
    const signature = signSlackRequest(t.standin.signingSecret, timestamp, original);
    const genuine = await t.standin.sendRaw(original, FORM, { timestamp, signature });
    expect(genuine.status).toBe(200);
    const tampered = original.replace('text=multicluster', 'text=subscribe+all');
    expect(tampered).not.toBe(original);
    const replay = await t.standin.sendRaw(tampered, FORM, { timestamp, signature });
    expect(replay.status).toBe(401);
    await expectNothingProcessed();
  });

  it('a replayed mention with a modified body: 401, nothing posted', async () => {
    const timestamp = now();
    const body = JSON.stringify(
      t.standin.buildEventEnvelope(mention('1700000301.000100'), { eventId: 'Ev0A' }),
    );
    const signature = signSlackRequest(t.standin.signingSecret, timestamp, body);
    const tampered = body.replace('Ev0A', 'Ev0B').replace('C0GENERAL', 'D0BOTDM');
    const replay = await t.standin.sendRaw(
      tampered,
      { 'content-type': 'application/json' },
      { timestamp, signature },
    );
    expect(replay.status).toBe(401);
    await expectNothingProcessed();
  });
});
