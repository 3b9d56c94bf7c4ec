import { afterEach, describe, expect, it } from 'vitest';
import { callApi, SlackStandin, type StandinOptions } from '../src/index.js';
import { CLIENT, type OAuthApp, startOAuthApp } from './support/bolt-oauth-app.js';

// Proves Bolt 5's built-in OAuth (@slack/oauth's InstallProvider) installs through the stand-in and then
// serves each workspace with its own token.

let standin: SlackStandin | undefined;
let oauthApp: OAuthApp | undefined;

afterEach(async () => {
  await oauthApp?.app.stop();
  await standin?.close();
  oauthApp = undefined;
  standin = undefined;
});

const TEAMS: StandinOptions['teams'] = [
  { id: 'T0AAA', name: 'Acme', installed: false, channels: [{ id: 'C0AAA', name: 'general' }] },
  { id: 'T0BBB', name: 'Beta', installed: false, channels: [{ id: 'C0BBB', name: 'general' }] },
];

async function start(
  oauth: Partial<StandinOptions['oauth']> = {},
): Promise<{ s: SlackStandin; a: OAuthApp }> {
  standin = await SlackStandin.start({ oauth: { ...CLIENT, ...oauth }, teams: TEAMS });
  oauthApp = await startOAuthApp(standin);
  return { s: standin, a: oauthApp };
}

describe('Bolt OAuth against the stand-in', () => {
  it('installs into two workspaces and answers each with its own token', async () => {
    const { s, a } = await start();
    const acme = await s.install({ installUrl: a.installUrl, team: 'T0AAA' });
    const beta = await s.install({ installUrl: a.installUrl, team: 'T0BBB' });
    expect([acme.status, beta.status]).toEqual([200, 200]);
    expect(acme.body).toContain('Thank you!');
    expect(new URL(acme.redirectUrl).pathname).toBe('/slack/oauth_redirect');
    expect([...a.store.rows.keys()]).toEqual(['T0AAA', 'T0BBB']);
    expect(a.store.rows.get('T0AAA')?.bot?.token).toBe(s.team('T0AAA')?.botToken);

    await s.sendCommand('hi', { team: 'T0AAA' });
    await s.sendCommand('hi', { team: 'T0BBB' });
    const posts = await s.waitForCall('chat.postMessage', { count: 2 });
    expect(posts.map((c) => [c.team, c.params.channel, c.params.text])).toEqual([
      ['T0AAA', 'C0AAA', 'hello T0AAA'],
      ['T0BBB', 'C0BBB', 'hello T0BBB'],
    ]);
    expect(posts.map((c) => c.token)).toEqual([s.team('T0AAA')?.botToken, s.team('T0BBB')?.botToken]);
    s.assertClean();
  });

  it('installs nothing for a forged, missing or replayed state, or a browser without the state cookie', async () => {
    const { s, a } = await start();
    const pending = await s.startInstall({ installUrl: a.installUrl, team: 'T0AAA' });
    const forged = new URL(pending.redirectUrl);
    forged.searchParams.set('state', 'forged');
    expect((await pending.finish(forged.toString(), pending.cookieJar.clone())).status).toBe(400);
    const missing = new URL(pending.redirectUrl);
    missing.searchParams.delete('state');
    expect((await pending.finish(missing.toString(), pending.cookieJar.clone())).status).toBe(400);
    const otherBrowser = await s.startInstall({ installUrl: a.installUrl, team: 'T0AAA' });
    expect((await pending.finish(pending.redirectUrl, otherBrowser.cookieJar)).status).toBe(400);
    expect(s.callsTo('oauth.v2.access')).toEqual([]);

    const kept = pending.cookieJar.clone();
    expect((await pending.finish()).status).toBe(200);
    // The app deleted its state cookie, so the same browser cannot replay; one that kept it reuses the code.
    expect((await pending.finish()).status).toBe(400);
    expect((await pending.finish(pending.redirectUrl, kept)).status).toBe(500);
    expect(a.errors.join('\n')).toMatch(/invalid_code/);
    expect(s.callsTo('oauth.v2.access').map((c) => (c.response as { error?: string }).error)).toEqual([
      undefined,
      'invalid_code',
    ]);
    expect(a.store.stores).toBe(1);
  });

  it('sends a Cancel back as access_denied and installs nothing', async () => {
    const { s, a } = await start();
    const denied = await s.install({ installUrl: a.installUrl, team: 'T0AAA', deny: true });
    expect(denied.status).toBe(500);
    expect(new URL(denied.redirectUrl).searchParams.get('error')).toBe('access_denied');
    expect(a.store.rows.size).toBe(0);
  });

  it('uninstall kills the team’s tokens and the app hears both events; the other team goes on', async () => {
    const { s, a } = await start();
    await s.install({ installUrl: a.installUrl, team: 'T0AAA' });
    await s.install({ installUrl: a.installUrl, team: 'T0BBB' });
    const token = s.team('T0AAA')?.botToken ?? '';
    const deliveries = await s.uninstall('T0AAA', { first: 'tokens_revoked' });
    expect(deliveries.map((d) => [d.type, d.status])).toEqual([
      ['tokens_revoked', 200],
      ['app_uninstalled', 200],
    ]);
    expect(a.seen).toEqual([
      { type: 'tokens_revoked', teamId: 'T0AAA' },
      { type: 'app_uninstalled', teamId: 'T0AAA' },
    ]);
    expect((await callApi(s, 'auth.test', {}, token)).json.error).toBe('account_inactive');
    expect(s.team('T0AAA')?.botToken).toBeUndefined();
    await s.sendCommand('hi', { team: 'T0BBB' });
    const [post] = await s.waitForCall('chat.postMessage');
    expect(post?.team).toBe('T0BBB');
  });

  it('with rotation, two replicas refreshing one installation at once show up as two refreshes', async () => {
    // Under InstallProvider's two-hour window, so every authorize refreshes.
    const { s, a } = await start({ tokenRotation: true, expiresInSeconds: 3600 });
    await s.install({ installUrl: a.installUrl, team: 'T0AAA' });
    const refreshToken = a.store.rows.get('T0AAA')?.bot?.refreshToken;
    expect(refreshToken).toMatch(/^xoxe-1-/);

    a.store.readTogether(2);
    await Promise.all([s.sendCommand('one', { team: 'T0AAA' }), s.sendCommand('two', { team: 'T0AAA' })]);
    // Both still answer: the refused replica keeps the access token it read, which has not expired yet.
    const posts = await s.waitForCall('chat.postMessage', { count: 2 });
    expect(posts.map((c) => c.status)).toEqual([200, 200]);
    expect(s.tokenRefreshes.map((r) => [r.refreshToken, r.ok, r.error])).toEqual([
      [refreshToken, true, undefined],
      [refreshToken, false, 'invalid_refresh_token'],
    ]);
    expect(a.errors.join('\n')).toMatch(/invalid_refresh_token/);
  });
});
