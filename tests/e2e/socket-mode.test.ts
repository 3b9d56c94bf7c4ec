import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from './support/bot-under-test.js';

let t: BotUnderTest;
beforeEach(async () => {
  t = await startBotUnderTest({ mode: 'socket' });
  await t.standin.socketConnected();
});
afterEach(async () => {
  await t.close();
});

describe('Socket Mode, end to end', () => {
  it('opened the connection with the app token', () => {
    const [open] = t.standin.callsTo('apps.connections.open');
    expect(open?.token).toBe(t.standin.appToken);
  });

  it('acks a slash_commands envelope with the feature card', async () => {
    const ack = await t.standin.sendSocketCommand('multicluster');
    const payload = ack.payload as { response_type: string; blocks: unknown[] };
    expect(payload.response_type).toBe('ephemeral');
    expect(JSON.stringify(payload.blocks)).toContain('Multicluster');
    expect(JSON.stringify(payload.blocks)).toContain('Alpha');
  });

  it('acks an events_api envelope and answers the mention in its thread', async () => {
    const ack = await t.standin.sendSocketEvent({
      type: 'app_mention',
      user: 'U0USER',
      text: `<@${t.standin.botUserId}> tell me about vault`,
      ts: '1700000003.000100',
      channel: 'C0GENERAL',
    });
    expect(ack.payload).toEqual({});
    const [post] = await t.standin.waitForCall('chat.postMessage');
    expect(post?.params.thread_ts).toBe('1700000003.000100');
    expect(JSON.stringify(post?.params.blocks)).toContain('Certificate provider - Hashicorp Vault');
  });

  it('answers a retried envelope once', async () => {
    const event = {
      type: 'app_mention',
      user: 'U0USER',
      text: 'stable',
      ts: '1700000004.000100',
      channel: 'C0GENERAL',
    };
    await t.standin.sendSocketEvent(event, { eventId: 'Ev0SOCK' });
    await t.standin.waitForCall('chat.postMessage');
    await t.standin.sendSocketEvent(event, { eventId: 'Ev0SOCK', retryAttempt: 1, retryReason: 'timeout' });
    await t.standin.sendSocketEvent(
      { ...event, text: 'alpha', ts: '1700000005.000100' },
      { eventId: 'Ev0SOCK2' },
    );
    await t.standin.waitForCall('chat.postMessage', { count: 2 });
    expect(t.standin.callsTo('chat.postMessage')).toHaveLength(2);
  });
});
