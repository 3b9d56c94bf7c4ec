import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SingleWorkspaceBot } from '../../src/bot.js';
import type { SubscriptionFilter } from '../../src/registry/subscription-filter.js';
import {
  editFile,
  isPostTo,
  type LogCapture,
  noticesIn,
  noticeWorkspace,
  posts,
  promoteMulticluster,
  removeFeature,
  startNoticeBot,
} from './support/notices-harness.js';

const CHANNELS = ['C0ONE', 'C0TWO', 'C0PROMO', 'C0REMOVE', 'C0MULTI', 'C0CORE', 'C0STABLE', 'C0CONF'].map(
  (id) => ({
    id,
    name: id.toLowerCase(),
  }),
);

let standin: SlackStandin;
let ws: ReturnType<typeof noticeWorkspace>;
let running: SingleWorkspaceBot | undefined;
let logs: LogCapture;

beforeEach(async () => {
  standin = await SlackStandin.start({ channels: CHANNELS });
  ws = noticeWorkspace();
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await standin.close();
  ws.cleanup();
});

async function start(config: Parameters<typeof startNoticeBot>[2] = {}): Promise<SingleWorkspaceBot> {
  await running?.stop();
  const started = await startNoticeBot(standin, ws, config);
  running = started.bot;
  logs = started.logs;
  return started.bot;
}

/** Edits the registry file and waits until the bot has committed the change-set and drained the outbox. */
async function change(bot: SingleWorkspaceBot, edit: (text: string) => string): Promise<void> {
  const committed = new Promise((resolve) => bot.notices.once('committed', resolve));
  editFile(ws.registryPath, edit);
  await committed;
  await bot.notices.whenIdle();
}

describe('channel notices, end to end', () => {
  it('subscribe by command, save the file: exactly one notice there, none in an unsubscribed channel', async () => {
    const bot = await start();
    const res = await standin.sendCommand('subscribe', { channel_id: 'C0ONE' });
    expect(res.status).toBe(200);
    const [confirmation] = await standin.waitForCall((c) => c.kind === 'respond');
    expect(JSON.stringify(confirmation?.params)).toContain('Subscribed. This channel will get one notice');
    expect(standin.callsTo('conversations.info')).toHaveLength(1);

    await change(bot, promoteMulticluster);
    const [post] = await standin.waitForCall(isPostTo('C0ONE'));
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
    expect(noticesIn(standin, 'C0TWO')).toHaveLength(0);
    expect(JSON.stringify(post?.params.blocks)).toContain('OSM feature lifecycle update');
    expect(JSON.stringify(post?.params.blocks)).toContain('*Multicluster*: Alpha → Beta (promoted)');
    expect(post?.params.text).toContain('Multicluster: Alpha → Beta (promoted)');
    expect(post?.params.metadata).toMatchObject({ event_type: 'osm_feature_notice' });
    expect(await bot.store.outbox.rows()).toMatchObject([
      { channelId: 'C0ONE', status: 'sent', slackTs: noticesIn(standin, 'C0ONE')[0]?.ts },
    ]);
    standin.assertClean();
  });

  it('routes by filter: one digest per channel with what it asked for; NOTICE_CHANNELS get everything', async () => {
    const bot = await start({ noticeChannels: ['C0CONF'] });
    const add = (channelId: string, filter: SubscriptionFilter) =>
      bot.store.subscriptions.add(bot.workspace, { channelId, filter, createdBy: 'U0USER' });
    await add('C0PROMO', { kind: 'promotions' });
    await add('C0REMOVE', { kind: 'removals' });
    await add('C0MULTI', { kind: 'feature', featureId: 'multicluster' });
    await add('C0MULTI', { kind: 'promotions' });
    await add('C0CORE', { kind: 'category', categoryId: 'core' });
    await add('C0STABLE', { kind: 'state', state: 'Stable' });

    await change(bot, (t) => removeFeature(promoteMulticluster(t), 'circuit-breaking'));
    const text = (id: string) => noticesIn(standin, id).map((m) => JSON.stringify(m.blocks));
    expect(noticesIn(standin, 'C0STABLE')).toHaveLength(0);
    for (const id of ['C0PROMO', 'C0REMOVE', 'C0MULTI', 'C0CORE', 'C0CONF'])
      expect(noticesIn(standin, id)).toHaveLength(1);
    expect(text('C0PROMO')[0]).toContain('Multicluster');
    expect(text('C0PROMO')[0]).not.toContain('Circuit breaking');
    expect(text('C0REMOVE')[0]).toContain('*Circuit breaking*: removed (was Alpha)');
    expect(text('C0REMOVE')[0]).not.toContain('Multicluster');
    expect(text('C0MULTI')[0]?.match(/Alpha → Beta/g)).toHaveLength(1);
    expect(text('C0CORE')[0]).not.toContain('Circuit breaking');
    expect(text('C0CONF')[0]).toContain('Multicluster');
    expect(text('C0CONF')[0]).toContain('Circuit breaking');
    standin.assertClean();
  });

  it('a 429 with Retry-After is waited out and the notice is delivered once', async () => {
    const bot = await start();
    await bot.store.subscriptions.add(bot.workspace, {
      channelId: 'C0ONE',
      filter: { kind: 'all' },
      createdBy: 'U0USER',
    });
    standin.injectFault('chat.postMessage', { status: 429, retryAfter: 1 }, { times: 2, channel: 'C0ONE' });
    await change(bot, promoteMulticluster);
    const calls = standin.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0ONE');
    expect(calls.map((c) => c.status)).toEqual([429, 429, 200]);
    expect((calls[2]?.at ?? 0) - (calls[1]?.at ?? 0)).toBeGreaterThanOrEqual(990);
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
  });

  it('channel_not_found: the notice fails once and the subscription is paused', async () => {
    const bot = await start();
    await bot.store.subscriptions.add(bot.workspace, {
      channelId: 'C0GONE',
      filter: { kind: 'all' },
      createdBy: 'U0USER',
    });
    await bot.store.subscriptions.add(bot.workspace, {
      channelId: 'C0ONE',
      filter: { kind: 'all' },
      createdBy: 'U0USER',
    });
    await change(bot, promoteMulticluster);
    expect(standin.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0GONE')).toHaveLength(1);
    expect(
      await bot.store.subscriptions.list(bot.workspace, { channelId: 'C0GONE', includeInactive: true }),
    ).toMatchObject([{ active: false, deactivatedReason: 'channel_not_found' }]);
    expect((await bot.store.outbox.rows()).find((r) => r.channelId === 'C0GONE')).toMatchObject({
      status: 'failed',
    });
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
  });

  it('first start announces nothing; a restart with no change announces nothing; a change made while down once', async () => {
    let bot = await start();
    await bot.store.subscriptions.add(bot.workspace, {
      channelId: 'C0ONE',
      filter: { kind: 'all' },
      createdBy: 'U0USER',
    });
    await bot.notices.whenIdle();
    bot = await start();
    await bot.notices.whenIdle();
    expect(posts(standin)).toHaveLength(0);
    await running?.stop();
    editFile(ws.registryPath, promoteMulticluster);
    bot = await start();
    await bot.notices.whenIdle();
    bot = await start();
    await bot.notices.whenIdle();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
  });

  it('an invalid edit: refused, nothing sent, and the bot still answers from the last good registry', async () => {
    const bot = await start();
    await bot.store.subscriptions.add(bot.workspace, {
      channelId: 'C0ONE',
      filter: { kind: 'all' },
      createdBy: 'U0USER',
    });
    editFile(ws.registryPath, (t) => promoteMulticluster(t).replace('state: Stable', 'state: Gold'));
    await logs.logged('registry refused');
    expect(logs.lines.join('')).toMatch(/features\.yml:\d+:\d+: unknown state \\"Gold\\"/);
    await bot.notices.whenIdle();
    expect(posts(standin)).toHaveLength(0);
    const res = await standin.sendCommand('multicluster');
    expect(res.body).toContain('Alpha');
    expect(bot.registry.current().features.find((f) => f.id === 'multicluster')?.state).toBe('Alpha');
  });
});
