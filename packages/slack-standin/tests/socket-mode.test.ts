import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { callApi, SlackStandin } from '../src/index.js';

let standin: SlackStandin | undefined;
let client: WebSocket | undefined;

afterEach(async () => {
  client?.terminate();
  await standin?.close();
  standin = undefined;
  client = undefined;
});

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('Socket Mode', () => {
  it('hands out a ws URL for the app token, says hello, and resolves sendEnvelope with the ack', async () => {
    standin = await SlackStandin.start();
    const opened = await callApi(standin, 'apps.connections.open', {}, standin.appToken);
    expect(opened.json.ok).toBe(true);
    const url = String(opened.json.url);
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=[0-9a-f-]{36}$/);

    const ws = new WebSocket(url);
    client = ws;
    const hello = await nextMessage(ws);
    expect(hello).toMatchObject({
      type: 'hello',
      num_connections: 1,
      connection_info: { app_id: 'A0STANDIN' },
    });
    await standin.socketConnected();

    const envelopeSeen = nextMessage(ws);
    const command = standin.buildCommandPayload('list');
    const acked = standin.sendEnvelope('slash_commands', command, {
      retryAttempt: 2,
      retryReason: 'timeout',
    });
    const envelope = await envelopeSeen;
    expect(envelope).toMatchObject({
      type: 'slash_commands',
      accepts_response_payload: true,
      retry_attempt: 2,
      retry_reason: 'timeout',
      payload: { command: '/osm-feature', text: 'list' },
    });
    ws.send(JSON.stringify({ envelope_id: envelope.envelope_id, payload: { text: 'pong' } }));
    expect(await acked).toEqual({ envelope_id: envelope.envelope_id, payload: { text: 'pong' } });
    const [ack] = standin.callsTo('ack');
    expect(ack).toMatchObject({
      kind: 'socket-ack',
      envelopeType: 'slash_commands',
      params: { payload: { text: 'pong' } },
    });
  });

  it('refuses a reused ticket and rejects sendEnvelope with no client', async () => {
    standin = await SlackStandin.start();
    await expect(standin.sendEnvelope('events_api', {})).rejects.toThrow(/no Socket Mode client/);
    const url = String((await callApi(standin, 'apps.connections.open', {}, standin.appToken)).json.url);
    const first = new WebSocket(url);
    client = first;
    await nextMessage(first);
    const second = new WebSocket(url);
    const failed = await new Promise<boolean>((resolve) => {
      second.on('error', () => resolve(true));
      second.on('open', () => resolve(false));
    });
    expect(failed).toBe(true);
  });

  it('rejects a pending envelope when no ack arrives in time', async () => {
    standin = await SlackStandin.start();
    const url = String((await callApi(standin, 'apps.connections.open', {}, standin.appToken)).json.url);
    client = new WebSocket(url);
    await standin.socketConnected();
    const event = standin.buildEventEnvelope({ type: 'app_home_opened', user: 'U0USER', tab: 'home' });
    await expect(standin.sendEnvelope('events_api', event, { timeoutMs: 50 })).rejects.toThrow(/no ack/);
  });
});

describe('Socket Mode faults', () => {
  it('drops every connection without a close handshake, and counts the open ones', async () => {
    standin = await SlackStandin.start();
    const opened = await callApi(standin, 'apps.connections.open', {}, standin.appToken);
    const ws = new WebSocket(String(opened.json.url));
    client = ws;
    await nextMessage(ws);
    expect(standin.socketConnections).toBe(1);
    expect(standin.socketHellos).toEqual([1]);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    standin.dropSocket();
    // 1006: the connection ended abnormally, with no close frame.
    expect(await closed).toBe(1006);
    expect(standin.socketConnections).toBe(0);
  });

  it('answers apps.connections.open with an injected HTTP 500 as many times as asked, then a URL', async () => {
    standin = await SlackStandin.start();
    standin.injectFault('apps.connections.open', { status: 500 }, { times: 2 });
    const first = await callApi(standin, 'apps.connections.open', {}, standin.appToken);
    const second = await callApi(standin, 'apps.connections.open', {}, standin.appToken);
    const third = await callApi(standin, 'apps.connections.open', {}, standin.appToken);
    expect([first.status, second.status, third.status]).toEqual([500, 500, 200]);
    expect(third.json.ok).toBe(true);
  });
});
