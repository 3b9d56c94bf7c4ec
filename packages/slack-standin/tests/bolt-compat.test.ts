import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackStandin } from '../src/index.js';

// Proves the stand-in speaks the wire protocol the real Bolt 5 expects, in both transports.

let standin: SlackStandin | undefined;
let app: App | undefined;

afterEach(async () => {
  await app?.stop();
  await standin?.close();
  app = undefined;
  standin = undefined;
});

const card = [{ type: 'section', text: { type: 'mrkdwn', text: '*mTLS*: GA' } }];

describe('real Bolt against the stand-in', () => {
  it('HTTP mode: a signed command is acked, respond() and say() land in the conversation', async () => {
    standin = await SlackStandin.start();
    app = new App({
      token: standin.botToken,
      signingSecret: standin.signingSecret,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: standin.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/osm-feature', async ({ ack, respond, say }) => {
      await ack();
      await respond({ text: 'just for you', blocks: card });
      await say({ text: 'for the channel', blocks: card });
    });
    const server = (await app.start(0)) as Server;
    standin.setAppUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);

    const result = await standin.sendCommand('mtls');
    expect(result.status).toBe(200);
    await standin.waitForCall('chat.postMessage');
    await standin.waitForCall('response_url');
    const texts = standin.messages('C0GENERAL').map((m) => [m.text, m.ephemeral?.user]);
    expect(texts).toContainEqual(['just for you', 'U0USER']);
    expect(texts).toContainEqual(['for the channel', undefined]);
    expect(standin.callsTo('auth.test').length).toBeGreaterThanOrEqual(1);
    standin.assertClean();

    const stale = await standin.sendCommand('x', {}, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.status).toBe(401);
  });

  it('Socket Mode: start() resolves on hello, an event envelope is acked and say() posts', async () => {
    standin = await SlackStandin.start();
    app = new App({
      token: standin.botToken,
      appToken: standin.appToken,
      socketMode: true,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: standin.apiUrl },
    });
    app.event('app_mention', async ({ event, say }) => {
      await say({ text: 'hello back', thread_ts: event.ts });
    });
    await app.start();
    await standin.socketConnected();

    const event = {
      type: 'app_mention',
      user: 'U0USER',
      text: '<@UBOT> hi',
      ts: '1700000001.000100',
      channel: 'C0GENERAL',
    };
    const ack = await standin.sendSocketEvent(event);
    expect(ack.payload).toEqual({});
    const [post] = await standin.waitForCall('chat.postMessage');
    expect(post?.params).toMatchObject({ channel: 'C0GENERAL', text: 'hello back', thread_ts: event.ts });
    standin.assertClean();
  });
});
