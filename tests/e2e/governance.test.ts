import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SingleWorkspaceBot } from '../../src/bot.js';
import { ACTION_IDS } from '../../src/render/slack/ids.js';
import { FAST_RETRIES } from './support/bot-under-test.js';
import { commandAnswer } from './support/clocked-bots.js';
import {
  editFile,
  noticesIn,
  noticeWorkspace,
  promoteMulticluster,
  startNoticeBot,
} from './support/notices-harness.js';

const USERS = [
  { id: 'U0ADMIN', name: 'ada', isAdmin: true },
  { id: 'U0OWNER', name: 'otto', isOwner: true },
  { id: 'U0MAKER', name: 'mia' },
  { id: 'U0MEMBER', name: 'max' },
];
const CHANNELS = [
  { id: 'C0ONE', name: 'one', creator: 'U0MAKER' },
  { id: 'C0TWO', name: 'two', creator: 'U0ADMIN' },
  { id: 'C0SENT', name: 'sent' },
  { id: 'C0LOST', name: 'lost' },
  { id: 'C0GONE', name: 'gone' },
];

let standin: SlackStandin;
let ws: ReturnType<typeof noticeWorkspace>;
let bot: SingleWorkspaceBot;

beforeEach(async () => {
  standin = await SlackStandin.start({ channels: CHANNELS, users: USERS });
  ws = noticeWorkspace();
  ({ bot } = await startNoticeBot(
    standin,
    ws,
    {},
    { retryConfig: FAST_RETRIES, notices: { backoff: { baseMs: 20, factor: 1, maxMs: 20, maxAttempts: 6 } } },
  ));
});
afterEach(async () => {
  await bot.stop();
  await standin.close();
  ws.cleanup();
});

/** Runs /osm-feature `text` as `user` in `channel` and gives back its answer. */
const command = (text: string, user: string, channel = 'C0ONE'): Promise<string> =>
  commandAnswer(standin, text, { user_id: user, channel_id: channel });

const subscribed = async (channelId: string) =>
  (await bot.store.subscriptions.list(bot.workspace, { channelId })).length;

describe('who may subscribe', () => {
  it('under admins a member is refused (typed and by button), an admin is not; every change is recorded', async () => {
    expect(await command('settings', 'U0MEMBER')).toContain('anyone in the workspace');
    expect(await command('settings subscribe-policy admins', 'U0MEMBER')).toContain(
      'Only workspace admins and owners can change',
    );
    expect(await bot.store.settings.list(bot.workspace)).toEqual([]);
    expect(await command('settings subscribe-policy admins', 'U0ADMIN')).toContain(
      'from now on only workspace admins and owners can subscribe',
    );

    const refused = await command('subscribe', 'U0MEMBER');
    expect(refused).toContain('only workspace admins and owners can subscribe, unsubscribe or mute channels');
    expect(refused).toContain('I haven’t changed anything');
    expect(await subscribed('C0ONE')).toBe(0);
    const click = standin.buildBlockActionsPayload(
      { action_id: ACTION_IDS.subscribeFeature, value: 'multicluster' },
      { user: 'U0MEMBER', channel: 'C0ONE' },
    );
    const seen = standin.callsTo('response_url').length;
    expect((await standin.sendInteraction(click)).status).toBe(200);
    const [clicked] = (await standin.waitForCall('response_url', { count: seen + 1 })).slice(-1);
    expect(JSON.stringify(clicked?.params)).toContain('only workspace admins and owners');
    expect(await subscribed('C0ONE')).toBe(0);

    expect(await command('subscribe', 'U0OWNER')).toContain('Subscribed.');
    expect(await command('unsubscribe', 'U0MEMBER')).toContain('I haven’t changed anything');
    expect(await subscribed('C0ONE')).toBe(1);

    // channel-creator: the creator of C0ONE may, a member may not in C0TWO, an admin may anywhere.
    await command('settings subscribe-policy channel-creator', 'U0ADMIN');
    expect(await command('subscribe multicluster', 'U0MAKER')).toContain('Subscribed.');
    expect(await command('subscribe', 'U0MAKER', 'C0TWO')).toContain(
      'only the person who created this channel',
    );
    expect(await subscribed('C0TWO')).toBe(0);

    await command('settings subscribe-policy anyone', 'U0OWNER');
    expect(await command('subscribe', 'U0MEMBER', 'C0TWO')).toContain('Subscribed.');

    const shown = await command('settings', 'U0MEMBER');
    expect(shown).toContain('Last changed by <@U0OWNER>');
    expect(shown).toContain('Workspace admins and owners change it with');
    expect(await command('settings', 'U0ADMIN')).toContain('You are a workspace admin');
    expect(await bot.store.settings.changes(bot.workspace, { limit: 10 })).toMatchObject([
      { name: 'subscribe-policy', oldValue: 'channel-creator', value: 'anyone', changedBy: 'U0OWNER' },
      { oldValue: 'admins', value: 'channel-creator', changedBy: 'U0ADMIN' },
      { value: 'admins', changedBy: 'U0ADMIN' },
    ]);
    standin.assertClean();
  });

  it('answers bad settings kindly, and works in a mention and a DM', async () => {
    expect(await command('settings subscribe-policy everyone', 'U0ADMIN')).toContain(
      '“everyone” isn’t a subscribe policy',
    );
    expect(await command('settings subscribe-policy', 'U0ADMIN')).toContain('Which policy?');
    expect(await command('settings colour blue', 'U0ADMIN')).toContain(
      'I don’t know a setting called “colour”',
    );
    expect(await command('deliveries', 'U0MEMBER', 'D0BOTDM')).toContain(
      'The delivery log belongs to a channel',
    );

    await standin.sendEvent({
      type: 'message',
      channel_type: 'im',
      channel: 'D0BOTDM',
      user: 'U0ADMIN',
      text: 'settings subscribe-policy admins',
      ts: '1700000002.000100',
      event_ts: '1700000002.000100',
    });
    const [dm] = await standin.waitForCall(
      (c) => c.method === 'chat.postMessage' && c.params.channel === 'D0BOTDM',
    );
    expect(JSON.stringify(dm?.params)).toContain('from now on only workspace admins and owners');

    await standin.sendEvent({
      type: 'app_mention',
      user: 'U0MEMBER',
      text: `<@${standin.botUserId}> settings`,
      ts: '1700000003.000100',
      channel: 'C0ONE',
      event_ts: '1700000003.000100',
    });
    const [mention] = await standin.waitForCall(
      (c) =>
        (c.method === 'chat.postEphemeral' || c.method === 'chat.postMessage') &&
        c.params.channel === 'C0ONE',
    );
    expect(JSON.stringify(mention?.params)).toContain('only workspace admins and owners (`admins`)');
    standin.assertClean();
  });
});

describe('compact notices', () => {
  it('settings format compact: one line per change in that channel, the policy paragraphs elsewhere', async () => {
    expect(await command('subscribe', 'U0MEMBER', 'C0ONE')).toContain('Subscribed.');
    expect(await command('subscribe', 'U0MEMBER', 'C0TWO')).toContain('Subscribed.');
    expect(await command('settings format tiny', 'U0MEMBER')).toContain('“tiny” isn’t a format');
    expect(await command('settings format compact', 'U0MEMBER')).toContain(
      'Done: this channel’s notices are compact',
    );
    expect(await command('settings', 'U0MEMBER')).toContain('*This channel’s notices:* `compact`');
    expect(await command('settings', 'U0MEMBER', 'C0TWO')).toContain('*This channel’s notices:* `full`');
    const committed = new Promise((resolve) => bot.notices.once('committed', resolve));
    editFile(ws.registryPath, promoteMulticluster);
    await committed;
    await bot.notices.whenIdle();
    const [compact] = noticesIn(standin, 'C0ONE');
    const [full] = noticesIn(standin, 'C0TWO');
    expect(JSON.stringify(compact?.blocks)).toContain('*Multicluster*: Alpha → Beta (promoted)');
    expect(JSON.stringify(compact?.blocks)).not.toContain('Support:');
    expect(JSON.stringify(full?.blocks)).toContain('Support:');
    expect(await bot.store.settings.changes(bot.workspace, { channelId: 'C0ONE', limit: 5 })).toMatchObject([
      { name: 'format', value: 'compact', changedBy: 'U0MEMBER' },
    ]);
    standin.assertClean();
  });
});

describe('the delivery log', () => {
  it('shows a sent, a retried, a reconciled and a failed notice, with links to what was posted', async () => {
    for (const channel of ['C0SENT', 'C0LOST', 'C0GONE'])
      expect(await command('subscribe', 'U0MEMBER', channel)).toContain('Subscribed.');
    expect(await command('deliveries', 'U0MEMBER', 'C0SENT')).toContain('No notices have been queued');
    standin.injectFault('chat.postMessage', { status: 500 }, { channel: 'C0SENT' });
    standin.injectFault('chat.postMessage', { lostAnswer: 'reset' }, { channel: 'C0LOST' });
    standin.injectFault('chat.postMessage', { error: 'channel_not_found' }, { channel: 'C0GONE' });
    const committed = new Promise((resolve) => bot.notices.once('committed', resolve));
    editFile(ws.registryPath, promoteMulticluster);
    await committed;
    await bot.notices.whenIdle();
    expect(noticesIn(standin, 'C0SENT')).toHaveLength(1);
    expect(noticesIn(standin, 'C0LOST')).toHaveLength(1);

    const sent = await command('deliveries', 'U0MEMBER', 'C0SENT');
    expect(sent).toContain('Multicluster: Alpha → Beta (promoted)');
    expect(sent).toContain(':white_check_mark: sent after 2 attempts');
    const ts = noticesIn(standin, 'C0SENT')[0]?.ts ?? '';
    expect(sent).toContain(`https://standin.slack.com/archives/C0SENT/p${ts.replace('.', '')}|view`);
    expect(await command('deliveries', 'U0MEMBER', 'C0LOST')).toContain('sent (reconciled');
    const failed = await command('deliveries log', 'U0MEMBER', 'C0GONE');
    expect(failed).toContain(':x: failed: `channel_not_found`');
    expect(failed).toContain('invite me and subscribe again');
    expect(failed).not.toContain('|view>');

    // Home: admins see this week's notices and the paused channel with how to fix it; members do not.
    const home = async (user: string): Promise<string> => {
      await standin.sendEvent({ type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home' });
      const [published] = await standin.waitForCall(
        (c) => c.method === 'views.publish' && c.params.user_id === user,
      );
      return JSON.stringify(published?.params.view);
    };
    const adminHome = await home('U0ADMIN');
    expect(adminHome).toContain(':white_check_mark: 2 sent    :x: 1 failed');
    expect(adminHome).toContain('<#C0GONE>: I can’t post there');
    expect(adminHome).toContain('invite me, then subscribe it again');
    expect(await home('U0MEMBER')).not.toContain('For admins');
    standin.assertClean();
  });
});
