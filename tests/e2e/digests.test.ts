import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SingleWorkspaceBot } from '../../src/bot.js';
import { nextLocalHour } from '../../src/shared/local-time.js';
import { ClockedBots, changeRegistry, commandAnswer } from './support/clocked-bots.js';
import {
  isPostTo,
  noticesIn,
  noticeWorkspace,
  promoteMulticluster,
  removeFeature,
} from './support/notices-harness.js';

const DAY = 86_400_000;
let standin: SlackStandin;
let ws: ReturnType<typeof noticeWorkspace>;
let bots: ClockedBots;

beforeEach(async () => {
  standin = await SlackStandin.start({
    channels: [
      { id: 'C0ONE', name: 'one' },
      { id: 'C0TWO', name: 'two' },
    ],
    users: [{ id: 'U0USER', name: 'kenji', tz: 'Asia/Tokyo' }],
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

const tokyoHour = (ms: number): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' }).format(ms);

describe('daily digests', () => {
  it('one digest at 09:00 in the subscriber’s time zone with every change since, once across a restart and two replicas', async () => {
    let bot = await bots.start();
    expect(await command('subscribe stable hourly')).toContain('I don’t send “hourly” notices');
    expect(await bot.store.subscriptions.list(bot.workspace)).toEqual([]);

    const first = nextLocalHour(bots.clock(), 'Asia/Tokyo', 9, 'daily');
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
    bots.setNow(planned - 60_000);
    await bots.tick();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(0);

    // 09:00 passes while the bot is down; two replicas start at once.
    await bots.stopAll();
    bots.setNow(planned + 1_000);
    await Promise.all([bots.start(), bots.start()]);
    const [post] = await standin.waitForCall(isPostTo('C0ONE'));
    await bots.tick();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
    const text = JSON.stringify(post?.params.blocks);
    expect(text).toContain('*Multicluster*: Alpha → Beta (promoted)');
    expect(text).toContain('*Egress policies*: removed (was Stable)');
    expect(text).toContain('Your daily digest: every change since the last one');
    bot = bots.running[0] as SingleWorkspaceBot;
    const [row] = await bot.store.outbox.rows({ channelId: 'C0ONE' });
    expect(row?.createdAt).toBeGreaterThanOrEqual(planned);
    expect(row?.summary).toContain('Daily digest: Multicluster');
    expect((await bot.store.digests.get(daily?.id ?? 0))?.nextAt).toBe(planned + DAY);

    // A restart sends nothing again; the next day, with nothing changed, there is no digest.
    await bots.stopAll();
    bot = await bots.start();
    await bots.tick();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
    bots.setNow(planned + DAY + 1_000);
    await bots.tick();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
    expect((await bot.store.digests.get(daily?.id ?? 0))?.nextAt).toBe(planned + 2 * DAY);
    expect(noticesIn(standin, 'C0TWO')).toHaveLength(2);
    standin.assertClean();
  });
});
