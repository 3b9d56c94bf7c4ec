import { afterEach, describe, expect, it } from 'vitest';
import { callApi, SlackStandin } from '../src/index.js';
import { AppReceiver, authorizeCode } from './support/wire-helpers.js';

const CLIENT = { clientId: '111.222', clientSecret: 'shh' };

let standin: SlackStandin | undefined;
let receiver: AppReceiver | undefined;

afterEach(async () => {
  await standin?.close();
  await receiver?.close();
  standin = undefined;
  receiver = undefined;
});

async function start(): Promise<{ s: SlackStandin; r: AppReceiver }> {
  const s = await SlackStandin.start({
    oauth: { ...CLIENT, redirectUri: 'https://app.example/cb' },
    teams: [
      { id: 'T0AAA', name: 'Acme' },
      { id: 'T0G1', name: 'Grid One', enterpriseId: 'E0ORG', installed: false },
      { id: 'T0G2', name: 'Grid Two', enterpriseId: 'E0ORG', installed: false },
    ],
  });
  const r = await AppReceiver.start(() => s.signingSecret);
  s.setAppUrl(r.url);
  standin = s;
  receiver = r;
  return { s, r };
}

async function installOrgWide(s: SlackStandin): Promise<string> {
  const { location } = await authorizeCode(s, {
    client_id: CLIENT.clientId,
    scope: 'chat:write',
    team: 'E0ORG',
  });
  const code = location?.searchParams.get('code') ?? '';
  const { json } = await callApi(s, 'oauth.v2.access', { ...toParams(CLIENT), code }, null);
  return String(json.access_token);
}

function toParams(c: typeof CLIENT): Record<string, string> {
  return { client_id: c.clientId, client_secret: c.clientSecret };
}

describe('uninstall and revocation', () => {
  it('uninstall kills every token of the team and sends both events, signed, in the order asked', async () => {
    const { s, r } = await start();
    const token = s.team('T0AAA')?.botToken ?? '';
    const deliveries = await s.uninstall('T0AAA');
    expect(deliveries.map((d) => d.type)).toEqual(['app_uninstalled', 'tokens_revoked']);
    expect(r.received.map((q) => [q.path, q.signed])).toEqual([
      ['/slack/events', true],
      ['/slack/events', true],
    ]);
    const [uninstalled, revoked] = r.received.map((q) => q.body);
    expect(uninstalled).toMatchObject({
      type: 'event_callback',
      team_id: 'T0AAA',
      api_app_id: 'A0STANDIN',
      event: { type: 'app_uninstalled' },
      authorizations: [{ team_id: 'T0AAA', user_id: 'U0AAABOT', is_enterprise_install: false }],
    });
    expect(revoked).toMatchObject({
      event: { type: 'tokens_revoked', tokens: { oauth: [], bot: ['U0AAABOT'] } },
    });
    expect(
      (await callApi(s, 'chat.postMessage', { channel: 'C0AAAGENERAL', text: 'x' }, token)).json.error,
    ).toBe('account_inactive');
    // The default team is untouched.
    expect((await callApi(s, 'auth.test')).json.ok).toBe(true);
  });

  it('sends tokens_revoked first when asked, or nothing at all', async () => {
    const { s, r } = await start();
    await s.uninstall('T0AAA', { first: 'tokens_revoked' });
    expect(r.received.map((q) => (q.body.event as { type: string }).type)).toEqual([
      'tokens_revoked',
      'app_uninstalled',
    ]);
    expect(await s.uninstall('T0STANDIN', { sendEvents: false })).toEqual([]);
    expect(r.received).toHaveLength(2);
    expect((await callApi(s, 'auth.test')).json.error).toBe('account_inactive');
  });

  it('revokeTokens answers token_revoked afterwards and tells the app', async () => {
    const { s, r } = await start();
    const token = s.team('T0AAA')?.botToken ?? '';
    const [delivery] = await s.revokeTokens('T0AAA');
    expect(delivery).toMatchObject({ type: 'tokens_revoked', status: 200 });
    expect(r.received[0]?.body.event).toMatchObject({
      type: 'tokens_revoked',
      tokens: { bot: ['U0AAABOT'] },
    });
    expect((await callApi(s, 'auth.test', {}, token)).json.error).toBe('token_revoked');
    expect(() => s.expireTokens('T0NOPE')).toThrow(/no installation/);
    await expect(s.uninstall('T0NOPE')).rejects.toThrow(/no installation/);
  });

  it('grants and revokes an org-wide install’s workspaces, with the events Slack sends', async () => {
    const { s, r } = await start();
    const token = await installOrgWide(s);
    await s.revokeTeamAccess('E0ORG', ['T0G2']);
    expect(r.received[0]?.body).toMatchObject({
      enterprise_id: 'E0ORG',
      event: { type: 'team_access_revoked', team_ids: ['T0G2'] },
      authorizations: [
        { enterprise_id: 'E0ORG', team_id: null, user_id: 'W0ORGBOT', is_enterprise_install: true },
      ],
    });
    const post = (channel: string) => callApi(s, 'chat.postMessage', { channel, text: 'x' }, token);
    expect((await post('C0G2GENERAL')).json.error).toBe('team_access_not_granted');
    expect((await post('C0G1GENERAL')).json.ok).toBe(true);
    await s.grantTeamAccess('E0ORG', ['T0G2']);
    expect(r.received[1]?.body.event).toMatchObject({ type: 'team_access_granted', team_ids: ['T0G2'] });
    expect((await post('C0G2GENERAL')).json.ok).toBe(true);
    await expect(s.grantTeamAccess('E0ORG', ['T0AAA'])).rejects.toThrow(/not in enterprise E0ORG/);

    await s.uninstall('E0ORG');
    expect(r.received[2]?.body).toMatchObject({
      event: { type: 'app_uninstalled' },
      authorizations: [{ team_id: null, is_enterprise_install: true }],
    });
    expect((await post('C0G1GENERAL')).json.error).toBe('account_inactive');
    s.assertClean();
  });
});
