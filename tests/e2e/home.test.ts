import type { RecordedCall } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/render/slack/ids.js';
import { recordAnnouncement, sqliteOf } from '../harness/store-access.js';
import { type BotUnderTest, startBotUnderTest } from './support/bot-under-test.js';
import {
  homeElements,
  homeText,
  homeView,
  pressButton,
  selectOption,
  sendHomeAction,
  typeInto,
} from './support/home-clicks.js';

let t: BotUnderTest;
beforeEach(async () => {
  t = await startBotUnderTest();
});
afterEach(async () => {
  await t.close();
});

const openHome = (user = 'U0USER', tab = 'home') =>
  t.standin.sendEvent({
    type: 'app_home_opened',
    user,
    channel: 'D0BOTDM',
    tab,
    event_ts: '1700000009.000100',
  });

/** Waits for the n-th views.publish and checks Slack accepted it. */
async function published(n: number): Promise<RecordedCall> {
  const calls = await t.standin.waitForCall('views.publish', { count: n });
  const call = calls[n - 1];
  expect(call?.response).toMatchObject({ ok: true });
  if (!call) throw new Error('no publish');
  return call;
}

const featureLines = (text: string): number =>
  (text.match(/\\n:(test_tube|large_blue_diamond|white_check_mark): [^*]/g) ?? []).length;

describe('App Home', () => {
  it('publishes the dashboard when the Home tab opens, and remembers when', async () => {
    await openHome();
    const call = await published(1);
    expect(call.params.user_id).toBe('U0USER');
    const view = homeView(t.standin, 'U0USER');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = homeText(t.standin, 'U0USER');
    expect(text).toContain(':white_check_mark: Stable: *21*');
    expect(text).toContain('OSM v1.2');
    expect(text).toContain('No change has been announced yet.');
    expect(text).toContain('*Security and certificate management* (');
    expect(featureLines(text)).toBe(30);
    expect(await t.bot.store.homes.recent(0)).toEqual([{ workspace: t.bot.workspace, userId: 'U0USER' }]);
    t.standin.assertClean();
  });

  it('shows the last change the notices service announced, and when', async () => {
    await recordAnnouncement(t.bot.store, 1_718_000_000_000, 'Vault → Stable');
    await openHome();
    await published(1);
    expect(homeText(t.standin, 'U0USER')).toContain('<!date^1718000000^');
    expect(homeText(t.standin, 'U0USER')).toContain('Vault → Stable');
  });

  it('draws nothing for the Messages tab', async () => {
    await openHome('U0USER', 'messages');
    await openHome('U0OTHER');
    const call = await published(1);
    expect(call.params.user_id).toBe('U0OTHER');
    expect(t.standin.callsTo('views.publish')).toHaveLength(1);
  });

  it('filters by state and category and searches, re-publishing for that user and remembering it', async () => {
    await openHome();
    await published(1);

    await sendHomeAction(t.standin, 'U0USER', selectOption(ACTION_IDS.homeFilterState, 'Beta'));
    await published(2);
    expect(featureLines(homeText(t.standin, 'U0USER'))).toBe(5);

    await sendHomeAction(t.standin, 'U0USER', selectOption(ACTION_IDS.homeFilterCategory, 'Security'));
    await published(3);
    const both = homeText(t.standin, 'U0USER');
    expect(both).toContain(':large_blue_diamond: Beta · Security and certificate management');
    expect(featureLines(both)).toBeGreaterThan(0);

    await sendHomeAction(t.standin, 'U0USER', pressButton(ACTION_IDS.homeClear));
    await published(4);
    await sendHomeAction(t.standin, 'U0USER', typeInto(ACTION_IDS.homeSearch, 'multicluster'));
    await published(5);
    expect(featureLines(homeText(t.standin, 'U0USER'))).toBe(1);
    expect((await t.bot.store.homes.get(t.bot.workspace, 'U0USER'))?.prefs).toEqual({
      query: 'multicluster',
    });

    // Reopening Home shows the same filter; another user's Home is their own.
    await openHome();
    await published(6);
    const search = homeElements(homeView(t.standin, 'U0USER').blocks).find(
      (e) => e.element.action_id === ACTION_IDS.homeSearch,
    );
    expect(search?.element.initial_value).toBe('multicluster');
    expect(featureLines(homeText(t.standin, 'U0USER'))).toBe(1);
    await openHome('U0OTHER');
    await published(7);
    expect(featureLines(homeText(t.standin, 'U0OTHER'))).toBe(30);
    t.standin.assertClean();
  });

  it('survives a saved filter it can no longer read', async () => {
    sqliteOf(t.bot.store)
      .raw.prepare('INSERT INTO home_prefs (team_id, user_id, prefs_json, opened_at) VALUES (?, ?, ?, ?)')
      .run(t.bot.workspace.teamId, 'U0USER', '{"state":"Gamma","category":7}', Date.now());
    await openHome();
    await published(1);
    expect(featureLines(homeText(t.standin, 'U0USER'))).toBe(30);
  });
});
