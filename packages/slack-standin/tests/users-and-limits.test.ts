import { afterEach, describe, expect, it } from 'vitest';
import { callApi, SlackStandin, type StandinOptions } from '../src/index.js';
import { botTokenOf } from './support/wire-helpers.js';

let standin: SlackStandin | undefined;

afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

async function start(opts: StandinOptions): Promise<SlackStandin> {
  standin = await SlackStandin.start(opts);
  return standin;
}

const JANUARY = Date.UTC(2026, 0, 15, 12);
const JULY = Date.UTC(2026, 6, 15, 12);

describe('users.info', () => {
  it('describes admins, owners and their time zones, following daylight saving', async () => {
    let now = JANUARY;
    const s = await start({
      now: () => now,
      users: [
        { id: 'U0ADMIN', name: 'ada', realName: 'Ada Admin', isAdmin: true, tz: 'Europe/Berlin' },
        { id: 'U0OWNER', name: 'otto', isOwner: true, isPrimaryOwner: true, tz: 'Asia/Kolkata' },
      ],
    });
    const admin = await callApi(s, 'users.info', { user: 'U0ADMIN' });
    expect(admin.json.user).toMatchObject({
      id: 'U0ADMIN',
      team_id: 'T0STANDIN',
      real_name: 'Ada Admin',
      is_admin: true,
      is_owner: false,
      tz: 'Europe/Berlin',
      tz_offset: 3600,
      profile: { real_name: 'Ada Admin', display_name: 'ada' },
    });
    now = JULY;
    expect((await callApi(s, 'users.info', { user: 'U0ADMIN' })).json.user).toMatchObject({
      tz_offset: 7200,
    });
    expect((await callApi(s, 'users.info', { user: 'U0OWNER' })).json.user).toMatchObject({
      is_owner: true,
      is_primary_owner: true,
      is_admin: false,
      tz_offset: 19800,
    });
  });

  it('answers an ordinary member in UTC for anyone not configured, and the bot as a bot', async () => {
    const s = await start({});
    expect((await callApi(s, 'users.info', { user: 'U0USER' })).json.user).toMatchObject({
      name: 'user-u0user',
      is_admin: false,
      tz: 'UTC',
      tz_offset: 0,
      is_bot: false,
    });
    expect((await callApi(s, 'users.info', { user: 'UBOT' })).json.user).toMatchObject({ is_bot: true });
  });

  it('keeps people per team and lets a test change them', async () => {
    const s = await start({
      teams: [
        { id: 'T0AAA', name: 'Acme', users: [{ id: 'U0ALICE', name: 'alice', tz: 'America/New_York' }] },
      ],
    });
    const acme = botTokenOf(s, 'T0AAA');
    expect((await callApi(s, 'users.info', { user: 'U0ALICE' }, acme)).json.user).toMatchObject({
      team_id: 'T0AAA',
      is_admin: false,
    });
    s.setUser({ id: 'U0ALICE', name: 'alice', isAdmin: true }, { team: 'T0AAA' });
    expect((await callApi(s, 'users.info', { user: 'U0ALICE' }, acme)).json.user).toMatchObject({
      is_admin: true,
      tz: 'UTC',
    });
    expect(() => s.setUser({ id: 'U0X', name: 'x', tz: 'Mars/Olympus' })).toThrow(/unknown time zone/);
  });
});

describe('rate limits per workspace', () => {
  it('gives each team its own chat.postMessage window', async () => {
    const s = await start({
      now: () => 5000,
      rateLimits: { perChannelPerSecond: 10, workspacePerSecond: 2 },
      teams: [
        { id: 'T0AAA', name: 'Acme', channels: [{ id: 'C0AAA', name: 'general' }] },
        { id: 'T0BBB', name: 'Beta', channels: [{ id: 'C0BBB', name: 'general' }] },
      ],
    });
    const post = (channel: string, team: string) =>
      callApi(s, 'chat.postMessage', { channel, text: 't' }, botTokenOf(s, team));
    expect((await post('C0AAA', 'T0AAA')).status).toBe(200);
    expect((await post('C0AAA', 'T0AAA')).status).toBe(200);
    const limited = await post('C0AAA', 'T0AAA');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1']);
    expect((await post('C0BBB', 'T0BBB')).status).toBe(200);
    expect((await post('C0BBB', 'T0BBB')).status).toBe(200);
    expect(s.callsTo('chat.postMessage').map((c) => `${c.team}:${c.status}`)).toEqual([
      'T0AAA:200',
      'T0AAA:200',
      'T0AAA:429',
      'T0BBB:200',
      'T0BBB:200',
    ]);
  });

  it('applies an injected 429 to the team it names only', async () => {
    const s = await start({
      teams: [
        { id: 'T0AAA', name: 'Acme', channels: [{ id: 'C0AAA', name: 'general' }] },
        { id: 'T0BBB', name: 'Beta', channels: [{ id: 'C0BBB', name: 'general' }] },
      ],
    });
    s.injectFault('chat.postMessage', { status: 429, retryAfter: 30 }, { team: 'T0AAA', times: 2 });
    const post = (channel: string, team: string) =>
      callApi(s, 'chat.postMessage', { channel, text: 't' }, botTokenOf(s, team));
    expect((await post('C0BBB', 'T0BBB')).status).toBe(200);
    expect((await post('C0AAA', 'T0AAA')).status).toBe(429);
    expect((await post('C0BBB', 'T0BBB')).status).toBe(200);
    expect((await post('C0AAA', 'T0AAA')).status).toBe(429);
    expect((await post('C0AAA', 'T0AAA')).status).toBe(200);
  });
});
