import { afterEach, describe, expect, it } from 'vitest';
import { callApi, SlackStandin, type StandinOptions } from '../src/index.js';
import { botTokenOf } from './support/wire-helpers.js';

let standin: SlackStandin | undefined;

const TWO_TEAMS: StandinOptions = {
  teams: [
    {
      id: 'T0AAA',
      name: 'Acme',
      channels: [{ id: 'C0AAA', name: 'general' }],
      users: [{ id: 'U0ALICE', name: 'alice' }],
    },
    {
      id: 'T0BBB',
      name: 'Beta',
      channels: [{ id: 'C0BBB', name: 'general' }],
      users: [{ id: 'U0BOB', name: 'bob' }],
    },
  ],
};

async function start(opts: StandinOptions = TWO_TEAMS): Promise<SlackStandin> {
  standin = await SlackStandin.start(opts);
  return standin;
}

afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

describe('several workspaces', () => {
  it('answers auth.test for the token’s own team', async () => {
    const s = await start({
      teams: [{ id: 'T0AAA', name: 'Acme', enterpriseId: 'E0ORG', enterpriseName: 'Org' }],
    });
    const { json } = await callApi(s, 'auth.test', {}, botTokenOf(s, 'T0AAA'));
    expect(json).toMatchObject({
      ok: true,
      team_id: 'T0AAA',
      team: 'Acme',
      url: 'https://acme.slack.com/',
      user_id: 'U0AAABOT',
      bot_id: 'B0AAABOT',
      enterprise_id: 'E0ORG',
      is_enterprise_install: false,
    });
    expect((await callApi(s, 'auth.test')).json).toMatchObject({ team_id: 'T0STANDIN', user_id: 'UBOT' });
  });

  it('posts with each team’s token into its own channels, as its own bot', async () => {
    const s = await start();
    const a = await callApi(s, 'chat.postMessage', { channel: 'C0AAA', text: 'a' }, botTokenOf(s, 'T0AAA'));
    const b = await callApi(
      s,
      'chat.postMessage',
      { channel: '#general', text: 'b' },
      botTokenOf(s, 'T0BBB'),
    );
    expect(a.json).toMatchObject({
      ok: true,
      channel: 'C0AAA',
      message: { team: 'T0AAA', bot_id: 'B0AAABOT' },
    });
    // '#general' exists in both teams; the name is looked up inside the token's team.
    expect(b.json).toMatchObject({
      ok: true,
      channel: 'C0BBB',
      message: { team: 'T0BBB', bot_id: 'B0BBBBOT' },
    });
    expect(s.callsTo('chat.postMessage').map((c) => c.team)).toEqual(['T0AAA', 'T0BBB']);
    s.assertClean();
  });

  it('refuses, and reports, a token used for another team’s channel or user', async () => {
    const s = await start();
    const acme = botTokenOf(s, 'T0AAA');
    const post = await callApi(s, 'chat.postMessage', { channel: 'C0BBB', text: 'notice' }, acme);
    expect(post.json).toEqual({ ok: false, error: 'channel_not_found' });
    expect((await callApi(s, 'users.info', { user: 'U0BOB' }, acme)).json.error).toBe('user_not_found');
    const view = { type: 'home', blocks: [] };
    expect((await callApi(s, 'views.publish', { user_id: 'U0BOB', view }, acme)).json.error).toBe(
      'user_not_found',
    );
    expect((await callApi(s, 'conversations.history', { channel: 'C0BBB' }, acme)).json.error).toBe(
      'channel_not_found',
    );
    expect(s.messages('C0BBB')).toEqual([]);
    expect(s.violations.map((v) => [v.method, v.error])).toEqual([
      ['chat.postMessage', 'token_team_mismatch'],
      ['users.info', 'token_team_mismatch'],
      ['views.publish', 'token_team_mismatch'],
      ['conversations.history', 'token_team_mismatch'],
    ]);
    expect(() => s.assertClean()).toThrow(/channel C0BBB belongs to team T0BBB, but the token is T0AAA's/);
  });

  it('keeps conversations.history per team', async () => {
    const s = await start();
    await callApi(s, 'chat.postMessage', { channel: 'C0BBB', text: 'beta only' }, botTokenOf(s, 'T0BBB'));
    const history = await callApi(s, 'conversations.history', { channel: 'C0BBB' }, botTokenOf(s, 'T0BBB'));
    expect(history.json.messages).toEqual([expect.objectContaining({ text: 'beta only', team: 'T0BBB' })]);
    expect(
      (await callApi(s, 'conversations.history', { channel: 'C0AAA' }, botTokenOf(s, 'T0AAA'))).json,
    ).toMatchObject({ ok: true, messages: [] });
  });

  it('opens a separate DM per team and keeps DM ids global', async () => {
    const s = await start();
    const a = await callApi(s, 'conversations.open', { users: 'U0ALICE' }, botTokenOf(s, 'T0AAA'));
    const again = await callApi(s, 'conversations.open', { users: 'U0ALICE' }, botTokenOf(s, 'T0AAA'));
    const b = await callApi(s, 'conversations.open', { users: 'U0BOB' }, botTokenOf(s, 'T0BBB'));
    expect(a.json.channel).toEqual(again.json.channel);
    expect(a.json.channel).not.toEqual(b.json.channel);
    expect(s.listChannels({ team: 'T0BBB' }).map((c) => c.id)).toEqual([
      'C0BBB',
      (b.json.channel as { id: string }).id,
    ]);
  });

  it('refuses an id configured in two teams', async () => {
    await expect(
      SlackStandin.start({
        teams: [{ id: 'T0AAA', name: 'Acme', channels: [{ id: 'C0GENERAL', name: 'x' }] }],
      }),
    ).rejects.toThrow(/channel C0GENERAL belongs to team T0STANDIN/);
    const s = await start();
    expect(() => s.addChannel({ id: 'C0AAA', name: 'dup' }, { team: 'T0BBB' })).toThrow(
      /belongs to team T0AAA/,
    );
    expect(() => s.setUser({ id: 'U0ALICE', name: 'alice' }, { team: 'T0BBB' })).toThrow(
      /belongs to team T0AAA/,
    );
  });

  it('sends commands, events and clicks from the team asked for', async () => {
    const s = await start({
      teams: [...(TWO_TEAMS.teams ?? []), { id: 'T0GRID', name: 'Grid', enterpriseId: 'E0ORG' }],
    });
    const command = s.buildCommandPayload('help', { team: 'T0BBB' });
    expect(command).toMatchObject({
      team_id: 'T0BBB',
      team_domain: 'beta',
      channel_id: 'C0BBB',
      user_id: 'U0BOB',
    });
    expect(command).not.toHaveProperty('team');
    const event = s.buildEventEnvelope({ type: 'app_mention', text: 'hi' }, { team: 'T0GRID' });
    expect(event).toMatchObject({
      team_id: 'T0GRID',
      enterprise_id: 'E0ORG',
      authorizations: [
        { team_id: 'T0GRID', enterprise_id: 'E0ORG', user_id: 'U0GRIDBOT', is_enterprise_install: false },
      ],
    });
    const click = s.buildBlockActionsPayload({ action_id: 'a' }, { team: 'T0AAA' });
    expect(click).toMatchObject({
      team: { id: 'T0AAA', domain: 'acme' },
      user: { id: 'U0ALICE', team_id: 'T0AAA' },
      channel: { id: 'C0AAA' },
      enterprise: null,
      is_enterprise_install: false,
    });
    // The default team's payloads are what they always were.
    expect(s.buildCommandPayload('x')).toMatchObject({
      team_id: 'T0STANDIN',
      channel_id: 'C0GENERAL',
      user_id: 'U0USER',
    });
  });

  it('posts a response_url answer as the bot of the team the command came from', async () => {
    const s = await start();
    const url = s.buildCommandPayload('x', { team: 'T0AAA' }).response_url ?? '';
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'answer', response_type: 'in_channel' }),
    });
    expect(res.status).toBe(200);
    expect(s.messages('C0AAA')).toEqual([expect.objectContaining({ text: 'answer', bot_id: 'B0AAABOT' })]);
  });
});
