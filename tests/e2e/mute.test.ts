import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SingleWorkspaceBot } from '../../src/bot.js';
import {
  editFile,
  isPostTo,
  noticesIn,
  noticeWorkspace,
  promoteMulticluster,
  removeFeature,
  startNoticeBot,
} from './support/notices-harness.js';

const HOUR = 3_600_000;
let standin: SlackStandin;
let ws: ReturnType<typeof noticeWorkspace>;
const running: SingleWorkspaceBot[] = [];
/** The bots' clock: real time moved on by `offset`, so a test can let two hours pass at once. */
let offset = 0;
const clock = (): number => Date.now() + offset;

beforeEach(async () => {
  offset = 0;
  standin = await SlackStandin.start({
    channels: [
      { id: 'C0ONE', name: 'one' },
      { id: 'C0TWO', name: 'two' },
    ],
  });
  ws = noticeWorkspace();
});
afterEach(async () => {
  for (const bot of running.splice(0)) await bot.stop();
  await standin.close();
  ws.cleanup();
});

async function start(): Promise<SingleWorkspaceBot> {
  const { bot } = await startNoticeBot(standin, ws, {}, { now: clock, registrySyncMs: 50 });
  running.push(bot);
  return bot;
}

async function stopAll(): Promise<void> {
  for (const bot of running.splice(0)) await bot.stop();
}

async function command(text: string, channel = 'C0ONE'): Promise<string> {
  const seen = standin.callsTo('response_url').length;
  const res = await standin.sendCommand(text, { channel_id: channel });
  expect(res.status).toBe(200);
  const calls = await standin.waitForCall('response_url', { count: seen + 1 });
  return JSON.stringify(calls.at(-1)?.params);
}

async function change(bot: SingleWorkspaceBot, edit: (text: string) => string): Promise<void> {
  const committed = new Promise((resolve) => bot.notices.once('committed', resolve));
  editFile(ws.registryPath, edit);
  await committed;
  await bot.notices.whenIdle();
}

describe('mute', () => {
  it('a muted channel gets nothing, then one catch-up after the mute, once across restarts and two replicas', async () => {
    let bot = await start();
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
    await stopAll();
    bot = await start();
    await bot.notices.releaseMutes();
    await bot.notices.whenIdle();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(0);
    await stopAll();
    offset = 2 * HOUR + 60_000;

    // Two replicas start at once on the same database: one catch-up between them.
    const [a, b] = await Promise.all([start(), start()]);
    const [post] = await standin.waitForCall(isPostTo('C0ONE'));
    await Promise.all([a?.notices.releaseMutes(), b?.notices.releaseMutes()]);
    await Promise.all([a?.notices.whenIdle(), b?.notices.whenIdle()]);
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
    const text = JSON.stringify(post?.params.blocks);
    expect(text).toContain('*Multicluster*: Alpha → Beta (promoted)');
    expect(text).toContain('*Egress policies*: removed (was Stable)');
    expect(text).toContain('Catch-up: everything this channel follows that changed while it was muted');
    expect(await a?.store.mutes.get(a.workspace, 'C0ONE')).toBeUndefined();
    expect(await command('deliveries')).toContain('Catch-up after a mute');

    await stopAll();
    bot = await start();
    await bot.notices.releaseMutes();
    await bot.notices.whenIdle();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
    expect(noticesIn(standin, 'C0TWO')).toHaveLength(2);
    standin.assertClean();
  });

  it('nothing changed while muted: no catch-up; unmute ends a mute early, and says when there was none', async () => {
    const bot = await start();
    await command('subscribe', 'C0TWO');
    expect(await command('unmute', 'C0TWO')).toContain('This channel isn’t muted');
    expect(await command('mute 1h', 'C0TWO')).toContain('Muted until');
    expect(await command('mute 3h', 'C0TWO')).toContain('Still muted, now until');
    expect(await command('unmute', 'C0TWO')).toContain('Unmuted.');
    await bot.notices.releaseMutes();
    await bot.notices.whenIdle();
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
