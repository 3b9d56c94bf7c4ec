import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SingleWorkspaceBot } from '../../src/bot.js';
import { ClockedBots, changeRegistry, commandAnswer } from './support/clocked-bots.js';
import {
  isPostTo,
  noticesIn,
  noticeWorkspace,
  promoteMulticluster,
  removeFeature,
} from './support/notices-harness.js';

const HOUR = 3_600_000;
let standin: SlackStandin;
let ws: ReturnType<typeof noticeWorkspace>;
let bots: ClockedBots;

beforeEach(async () => {
  standin = await SlackStandin.start({
    channels: [
      { id: 'C0ONE', name: 'one' },
      { id: 'C0TWO', name: 'two' },
    ],
  });
  ws = noticeWorkspace();
  bots = new ClockedBots(standin, ws);
});
afterEach(async () => {
  await bots.stopAll();
  await standin.close();
  ws.cleanup();
});

const command = (text: string, channel = 'C0ONE'): Promise<string> =>
  commandAnswer(standin, text, { channel_id: channel });
const change = (bot: SingleWorkspaceBot, edit: (text: string) => string): Promise<void> =>
  changeRegistry(bot, ws.registryPath, edit);

describe('mute', () => {
  it('a muted channel gets nothing, then one catch-up after the mute, once across restarts and two replicas', async () => {
    let bot = await bots.start();
    expect(await command('subscribe')).toContain('Subscribed.');
    expect(await command('subscribe', 'C0TWO')).toContain('Subscribed.');
    expect(await command('mute 7x')).toContain('I can’t read “7x” as a length of time');
    expect(await command('mute until 2020-01-01')).toContain('“2020-01-01” has already passed');
    expect(await command('mute until 2027-02-30')).toContain('“2027-02-30” isn’t a date');
    expect(await command('mute 900d')).toContain('A mute can last up to a year');
    expect(await bot.store.mutes.get(bot.workspace, 'C0ONE')).toBeUndefined();

    expect(await command('mute 2h')).toContain('Muted until');
    expect(await command('subscriptions')).toContain('Muted until');
    await change(bot, promoteMulticluster);
    await change(bot, (t) => removeFeature(t, 'egress-policies'));
    expect(noticesIn(standin, 'C0TWO')).toHaveLength(2);
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(0);

    // A restart while muted changes nothing; then the mute's end passes while the bot is down.
    await bots.stopAll();
    bot = await bots.start();
    await bots.tick();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(0);
    await bots.stopAll();
    bots.offset = 2 * HOUR + 60_000;

    // Two replicas start at once on the same database: one catch-up between them.
    const [a] = await Promise.all([bots.start(), bots.start()]);
    const [post] = await standin.waitForCall(isPostTo('C0ONE'));
    await bots.tick();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
    const text = JSON.stringify(post?.params.blocks);
    expect(text).toContain('*Multicluster*: Alpha → Beta (promoted)');
    expect(text).toContain('*Egress policies*: removed (was Stable)');
    expect(text).toContain('Catch-up: everything this channel follows that changed while it was muted');
    expect(await a?.store.mutes.get(a.workspace, 'C0ONE')).toBeUndefined();
    expect(await command('deliveries')).toContain('Catch-up after a mute');

    await bots.stopAll();
    bot = await bots.start();
    await bots.tick();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
    expect(noticesIn(standin, 'C0TWO')).toHaveLength(2);
    standin.assertClean();
  });

  it('nothing changed while muted: no catch-up; unmute ends a mute early, and says when there was none', async () => {
    const bot = await bots.start();
    await command('subscribe', 'C0TWO');
    expect(await command('unmute', 'C0TWO')).toContain('This channel isn’t muted');
    expect(await command('mute 1h', 'C0TWO')).toContain('Muted until');
    expect(await command('mute 3h', 'C0TWO')).toContain('Still muted, now until');
    expect(await command('unmute', 'C0TWO')).toContain('Unmuted.');
    await bots.tick();
    expect(await bot.store.mutes.get(bot.workspace, 'C0TWO')).toBeUndefined();
    expect(noticesIn(standin, 'C0TWO')).toHaveLength(0);
    expect(await bot.store.settings.changes(bot.workspace, { channelId: 'C0TWO', limit: 5 })).toMatchObject([
      { name: 'mute', value: 'off', changedBy: 'U0USER' },
      { name: 'mute' },
      { name: 'mute' },
    ]);
    standin.assertClean();
  });
});
