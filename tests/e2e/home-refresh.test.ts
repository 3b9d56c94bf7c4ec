import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHomeRefresher, RECENT_HOME_MS } from '../../src/home/refresher.js';
import type { Registry } from '../../src/registry/schema.js';
import { type BotUnderTest, startBotUnderTest } from './support/bot-under-test.js';

let t: BotUnderTest;
beforeEach(async () => {
  t = await startBotUnderTest();
});
afterEach(async () => {
  await t.close();
});

const log = pino({ level: 'silent' });

async function openHomes(users: string[]): Promise<void> {
  for (const user of users)
    await t.standin.sendEvent({ type: 'app_home_opened', user, channel: 'D0X', tab: 'home' });
  await t.standin.waitForCall('views.publish', { count: users.length });
}

describe('Home refresh after a registry change', () => {
  it('re-publishes recent users’ views from the new registry, spread out, and skips users gone for a week', async () => {
    await openHomes(['U0A', 'U0B', 'U0C', 'U0D']);
    await t.bot.store.homes.set(t.bot.workspace, 'U0STALE', {}, Date.now() - RECENT_HOME_MS - 60_000);
    const before = t.standin.callsTo('views.publish').length;
    const waits: number[] = [];
    const base = t.bot.registry.current();
    const changed: Registry = { ...base, features: base.features.filter((f) => f.id !== 'multicluster') };
    const refresher = createHomeRefresher({
      store: t.bot.store,
      registry: { current: () => changed },
      clientFor: async () => t.bot.slack.app.client,
      log,
      perMinute: 600,
      burst: 1,
      onWait: (ms) => waits.push(ms),
    });
    const published = await refresher.refreshAll();
    expect(published).toBe(4);
    const refreshes = t.standin.callsTo('views.publish').slice(before);
    expect(refreshes.map((c) => c.params.user_id).sort()).toEqual(['U0A', 'U0B', 'U0C', 'U0D']);
    expect(refreshes.every((c) => !JSON.stringify(c.params.view).includes('Multicluster'))).toBe(true);
    // 600 a minute with no burst: the limiter made the refresher wait before each publish after the first.
    expect(waits.length).toBeGreaterThanOrEqual(3);
    for (const ms of waits) expect(ms).toBeLessThanOrEqual(100);
    refresher.stop();
    t.standin.assertClean();
  });

  it('joins a second change into the running refresh, and stops at once', async () => {
    await openHomes(['U0A', 'U0B', 'U0C']);
    const before = t.standin.callsTo('views.publish').length;
    const refresher = createHomeRefresher({
      store: t.bot.store,
      registry: t.bot.registry,
      clientFor: async () => t.bot.slack.app.client,
      log,
      perMinute: 60,
      burst: 1,
    });
    const first = refresher.refreshAll();
    const second = refresher.refreshAll();
    expect(second).toBe(first);
    await t.standin.waitForCall('views.publish', { count: before + 1 });
    refresher.stop();
    expect(await first).toBe(1);
    expect(await refresher.refreshAll()).toBe(0);
  });
});
