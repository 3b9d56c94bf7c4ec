import { afterEach, describe, expect, it } from 'vitest';
import { callApi, SlackStandin, type StandinOptions } from '../src/index.js';
import { authorizeCode } from './support/wire-helpers.js';

const CLIENT = { clientId: '111.222', clientSecret: 'shh' };
const REDIRECT = 'https://app.example/slack/oauth_redirect';

let standin: SlackStandin | undefined;
let now = Date.UTC(2026, 0, 1);

afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

async function start(extra: Partial<StandinOptions> = {}): Promise<SlackStandin> {
  now = Date.UTC(2026, 0, 1);
  standin = await SlackStandin.start({
    now: () => now,
    oauth: { ...CLIENT, redirectUri: REDIRECT, ...extra.oauth },
    teams: [
      {
        id: 'T0AAA',
        name: 'Acme',
        installed: false,
        users: [{ id: 'U0ALICE', name: 'alice', isAdmin: true }],
      },
      { id: 'T0GRID', name: 'Grid One', enterpriseId: 'E0ORG', enterpriseName: 'Org', installed: false },
    ],
    ...extra,
  });
  return standin;
}

/** A fresh code for `team`, through the authorize step. */
async function codeFor(s: SlackStandin, team: string, query: Record<string, string> = {}): Promise<string> {
  const { status, location } = await authorizeCode(s, {
    client_id: CLIENT.clientId,
    scope: 'chat:write,commands',
    redirect_uri: REDIRECT,
    state: 'st4te',
    team,
    ...query,
  });
  expect(status).toBe(302);
  expect(location?.searchParams.get('state')).toBe('st4te');
  return location?.searchParams.get('code') ?? '';
}

const CLIENT_PARAMS = { client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret };

function exchange(s: SlackStandin, params: Record<string, string>) {
  return callApi(s, 'oauth.v2.access', { ...params }, null);
}

/** Approve `team` and exchange the code, as the app's redirect handler would; Slack's answer. */
async function install(s: SlackStandin, team: string): Promise<Record<string, unknown>> {
  const code = await codeFor(s, team);
  return (await exchange(s, { ...CLIENT_PARAMS, code, redirect_uri: REDIRECT })).json;
}

describe('OAuth v2 install', () => {
  it('exchanges a code for a team’s bot token that works in that team', async () => {
    const s = await start();
    const code = await codeFor(s, 'T0AAA', { user_scope: 'users:read' });
    const { json } = await exchange(s, {
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
      code,
      redirect_uri: REDIRECT,
    });
    expect(json).toMatchObject({
      ok: true,
      app_id: 'A0STANDIN',
      token_type: 'bot',
      scope: 'chat:write,commands',
      bot_user_id: 'U0AAABOT',
      team: { id: 'T0AAA', name: 'Acme' },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: 'U0ALICE', scope: 'users:read', token_type: 'user' },
    });
    expect(json).not.toHaveProperty('incoming_webhook');
    expect(json).not.toHaveProperty('refresh_token');
    expect(String(json.access_token)).toMatch(/^xoxb-/);
    expect(s.team('T0AAA')?.botToken).toBe(json.access_token);
    const auth = await callApi(s, 'auth.test', {}, String(json.access_token));
    expect(auth.json).toMatchObject({ ok: true, team_id: 'T0AAA', user_id: 'U0AAABOT' });
  });

  it('takes client credentials by HTTP Basic auth too', async () => {
    const s = await start();
    const code = await codeFor(s, 'T0AAA');
    const basic = Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64');
    const res = await fetch(`${s.apiUrl}oauth.v2.access`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code, redirect_uri: REDIRECT }).toString(),
    });
    expect(await res.json()).toMatchObject({ ok: true, team: { id: 'T0AAA' } });
  });

  it('refuses a bad client id or secret, a reused, expired or unknown code, and a wrong redirect_uri', async () => {
    const s = await start();
    const creds = { client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, redirect_uri: REDIRECT };
    const code = await codeFor(s, 'T0AAA');
    expect((await exchange(s, { ...creds, client_id: '999.999', code })).json.error).toBe(
      'invalid_client_id',
    );
    expect((await exchange(s, { ...creds, client_secret: 'guess', code })).json.error).toBe(
      'bad_client_secret',
    );
    expect((await exchange(s, { ...creds, redirect_uri: 'https://evil.example/cb', code })).json.error).toBe(
      'bad_redirect_uri',
    );
    expect((await exchange(s, { ...creds, code })).json.ok).toBe(true);
    expect((await exchange(s, { ...creds, code })).json.error).toBe('invalid_code');
    expect((await exchange(s, { ...creds, code: 'never-issued' })).json.error).toBe('invalid_code');
    const late = await codeFor(s, 'T0AAA');
    now += 601_000;
    expect((await exchange(s, { ...creds, code: late })).json.error).toBe('invalid_code');
    expect((await exchange(s, { ...creds, grant_type: 'password', code })).json.error).toBe(
      'invalid_grant_type',
    );
  });

  it('refuses an authorize request with a wrong client id or redirect_uri, and reports a Cancel', async () => {
    const s = await start();
    const base = { client_id: CLIENT.clientId, scope: 'chat:write', state: 's' };
    expect((await authorizeCode(s, { ...base, client_id: 'nope' })).status).toBe(400);
    expect((await authorizeCode(s, { ...base, redirect_uri: 'https://evil.example/cb' })).status).toBe(400);
    expect((await authorizeCode(s, { ...base, scope: '' })).status).toBe(400);
    const below = await authorizeCode(s, { ...base, redirect_uri: `${REDIRECT}/more?x=1` });
    expect(below.location?.searchParams.get('x')).toBe('1');
    const denied = await authorizeCode(s, { ...base, standin_decision: 'deny' });
    expect([denied.location?.searchParams.get('error'), denied.location?.searchParams.get('code')]).toEqual([
      'access_denied',
      null,
    ]);
    expect(s.callsTo('oauth.v2.authorize').map((c) => c.status)).toEqual([400, 400, 400, 302, 302]);
  });

  it('installs org-wide for an enterprise: no team, the org bot, acting in the org’s workspaces', async () => {
    const s = await start();
    const json = await install(s, 'E0ORG');
    expect(json).toMatchObject({
      team: null,
      enterprise: { id: 'E0ORG', name: 'Org' },
      is_enterprise_install: true,
      bot_user_id: 'W0ORGBOT',
    });
    const token = String(json.access_token);
    expect((await callApi(s, 'auth.test', {}, token)).json).toMatchObject({
      team_id: 'E0ORG',
      enterprise_id: 'E0ORG',
      is_enterprise_install: true,
      url: 'https://org.enterprise.slack.com/',
    });
    const post = await callApi(s, 'chat.postMessage', { channel: 'C0GRIDGENERAL', text: 'hi' }, token);
    expect(post.json).toMatchObject({ ok: true, message: { team: 'T0GRID', user: 'W0ORGBOT' } });
    // A name means nothing until the call says which workspace (team_id), as Slack asks of org-wide apps.
    const named = (extra: Record<string, string>) =>
      callApi(s, 'chat.postMessage', { channel: '#general', text: 'hi', ...extra }, token);
    expect((await named({})).json.error).toBe('channel_not_found');
    expect((await named({ team_id: 'T0GRID' })).json).toMatchObject({ ok: true, channel: 'C0GRIDGENERAL' });
    expect(s.buildEventEnvelope({ type: 'app_mention' }, { team: 'T0GRID' }).authorizations).toEqual([
      {
        enterprise_id: 'E0ORG',
        team_id: null,
        user_id: 'W0ORGBOT',
        is_bot: true,
        is_enterprise_install: true,
      },
    ]);
    // A workspace outside the organisation is another tenant: refused and reported.
    expect(
      (await callApi(s, 'chat.postMessage', { channel: 'C0GENERAL', text: 'x' }, token)).json.error,
    ).toBe('channel_not_found');
    expect(() => s.assertClean()).toThrow(/token_team_mismatch/);
  });

  it('issues new tokens on a re-install and keeps the old ones working until revoked', async () => {
    const s = await start();
    const first = await install(s, 'T0AAA');
    const second = await install(s, 'T0AAA');
    expect(second.access_token).not.toBe(first.access_token);
    expect((await callApi(s, 'auth.test', {}, String(first.access_token))).json.ok).toBe(true);
    expect(s.team('T0AAA')?.botToken).toBe(second.access_token);
  });
});

describe('token rotation', () => {
  const rotating = {
    oauth: { ...CLIENT, redirectUri: REDIRECT, tokenRotation: true, expiresInSeconds: 3600 },
  };

  it('issues expiring tokens and swaps each refresh token exactly once', async () => {
    const s = await start(rotating);
    const installed = await install(s, 'T0AAA');
    expect(installed).toMatchObject({ ok: true, expires_in: 3600 });
    expect(String(installed.access_token)).toMatch(/^xoxe\.xoxb-1-/);
    const refreshToken = String(installed.refresh_token);
    expect(refreshToken).toMatch(/^xoxe-1-/);

    const refresh = { ...CLIENT_PARAMS, grant_type: 'refresh_token', refresh_token: refreshToken };
    const [one, two] = await Promise.all([exchange(s, refresh), exchange(s, refresh)]);
    const answers = [one, two].map((r) => r?.json);
    expect(answers).toContainEqual(
      expect.objectContaining({ ok: true, token_type: 'bot', expires_in: 3600 }),
    );
    expect(answers).toContainEqual({ ok: false, error: 'invalid_refresh_token' });
    expect(s.tokenRefreshes.map((r) => r.ok).sort()).toEqual([false, true]);
    const fresh = answers.find((a) => a?.ok === true);
    expect(fresh?.refresh_token).not.toBe(refreshToken);
    expect(s.tokenRefreshes.find((r) => r.ok)).toMatchObject({
      installation: 'T0AAA',
      accessToken: fresh?.access_token,
    });
  });

  it('answers token_expired for an access token past its lifetime, on every call', async () => {
    const s = await start(rotating);
    const installed = await install(s, 'T0AAA');
    const token = String(installed.access_token);
    expect((await callApi(s, 'auth.test', {}, token)).json).toMatchObject({ ok: true, expires_in: 3600 });
    now += 3_600_000;
    for (const method of ['auth.test', 'chat.postMessage', 'users.info']) {
      expect(
        (await callApi(s, method, { channel: 'C0AAAGENERAL', text: 't', user: 'U0ALICE' }, token)).json,
      ).toEqual({
        ok: false,
        error: 'token_expired',
      });
    }
    const refreshed = await exchange(s, {
      ...CLIENT_PARAMS,
      grant_type: 'refresh_token',
      refresh_token: String(installed.refresh_token),
    });
    expect((await callApi(s, 'auth.test', {}, String(refreshed.json.access_token))).json.ok).toBe(true);
    s.expireTokens('T0AAA');
    expect((await callApi(s, 'auth.test', {}, String(refreshed.json.access_token))).json.error).toBe(
      'token_expired',
    );
  });
});
