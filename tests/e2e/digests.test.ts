import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SingleWorkspaceBot } from '../../src/bot.js';
import { nextLocalHour } from '../../src/shared/local-time.js';
import {
  editFile,
  isPostTo,
  noticesIn,
  noticeWorkspace,
  promoteMulticluster,
  removeFeature,
  startNoticeBot,
} from './support/notices-harness.js';

const DAY = 86_400_000;
let standin: SlackStandin;
let ws: ReturnType<typeof noticeWorkspace>;
const running: SingleWorkspaceBot[] = [];
/** The bots' clock: real time moved on by `offset`, so a test can let a day pass at once. */
let offset = 0;
const clock = (): number => Date.now() + offset;

beforeEach(async () => {
  offset = 0;
  standin = await SlackStandin.start({
    channels: [
      { id: 'C0ONE', name: 'one' },
      { id: 'C0TWO', name: 'two' },
    ],
    users: [{ id: 'U0USER', name: 'kenji', tz: 'Asia/Tokyo' }],
  });
  ws = noticeWorkspace();
});
afterEach(async () => {
  await stopAll();
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

/** Every bot looks for due digests now, then sends what it queued. */
async function tick(): Promise<void> {
  await Promise.all(running.map((b) => b.notices.releaseMutes()));
  await Promise.all(running.map((b) => b.notices.whenIdle()));
}

const tokyoHour = (ms: number): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' }).format(ms);

describe('daily digests', () => {
  it('one digest at 09:00 in the subscriber’s time zone with every change since, once across a restart and two replicas', async () => {
    let bot = await start();
    expect(await command('subscribe stable hourly')).toContain('I don’t send “hourly” notices');
    expect(await bot.store.subscriptions.list(bot.workspace)).toEqual([]);

    const first = nextLocalHour(clock(), 'Asia/Tokyo', 9, 'daily');
    expect(tokyoHour(first)).toBe('09:00');
    expect(await command('subscribe daily')).toContain('a daily digest at 09:00 Asia/Tokyo time');
    expect(await command('subscribe', 'C0TWO')).toContain('Subscribed.');
    expect(await command('subscriptions')).toContain('daily digest at 09:00');
    const [daily] = await bot.store.subscriptions.list(bot.workspace, { channelId: 'C0ONE' });
    expect(daily?.schedule).toBe('daily');
    expect(await bot.store.digests.get(daily?.id ?? 0)).toMatchObject({ tz: 'Asia/Tokyo' });
    const planned = (await bot.store.digests.get(daily?.id ?? 0))?.nextAt ?? 0;
    expect(Math.abs(planned - first)).toBeLessThan(60_000);

    await change(bot, promoteMulticluster);
    await change(bot, (t) => removeFeature(t, 'egress-policies'));
    expect(noticesIn(standin, 'C0TWO')).toHaveLength(2);
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(0);

    // A minute before 09:00 there: nothing yet.
    offset = planned - 60_000 - Date.now();
    await tick();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(0);

    // 09:00 passes while the bot is down; two replicas start at once.
    await stopAll();
    offset = planned + 1_000 - Date.now();
    await Promise.all([start(), start()]);
    const [post] = await standin.waitForCall(isPostTo('C0ONE'));
    await tick();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
    const text = JSON.stringify(post?.params.blocks);
    expect(text).toContain('*Multicluster*: Alpha → Beta (promoted)');
    expect(text).toContain('*Egress policies*: removed (was Stable)');
    expect(text).toContain('Your daily digest: every change since the last one');
    bot = running[0] as SingleWorkspaceBot;
    const [row] = await bot.store.outbox.rows({ channelId: 'C0ONE' });
    expect(row?.createdAt).toBeGreaterThanOrEqual(planned);
    expect(row?.summary).toContain('Daily digest: Multicluster');
    expect((await bot.store.digests.get(daily?.id ?? 0))?.nextAt).toBe(planned + DAY);

    // A restart sends nothing again; the next day, with nothing changed, there is no digest.
    await stopAll();
    bot = await start();
    await tick();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
    offset = planned + DAY + 1_000 - Date.now();
    await tick();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
    expect((await bot.store.digests.get(daily?.id ?? 0))?.nextAt).toBe(planned + 2 * DAY);
    expect(noticesIn(standin, 'C0TWO')).toHaveLength(2);
    standin.assertClean();
  });
});
