import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ACTION_IDS } from '../../src/render/slack/ids.js';
import { loadRegistryFile } from '../../src/sources/read-registry.js';
import { syntheticRegistry } from '../harness/synthetic-registry.js';
import { type BotUnderTest, startBotUnderTest } from './support/bot-under-test.js';
import { homeText, homeView, pressButton, selectOption, sendHomeAction } from './support/home-clicks.js';

let t: BotUnderTest;
let dir: string;
beforeAll(async () => {
  const base = await loadRegistryFile('tests/fixtures/registry/osm.yml');
  if (!base.ok) throw new Error('the registry fixture does not load');
  dir = mkdtempSync(join(tmpdir(), 'osm-big-'));
  const registryPath = join(dir, 'features.yml');
  // Synthetic features have no history, which the loader accepts; everything else is OSM's own.
  writeFileSync(registryPath, stringify(syntheticRegistry(base.registry, 10_000)));
  t = await startBotUnderTest({ config: { registryPath } });
}, 60_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('App Home with a 10,000-feature registry', () => {
  it('publishes a summarised, paged view within every Slack limit, and pages with "Show more"', async () => {
    await t.standin.sendEvent({ type: 'app_home_opened', user: 'U0BIG', channel: 'D0BIG', tab: 'home' });
    const [first] = await t.standin.waitForCall('views.publish');
    expect(first?.response).toMatchObject({ ok: true });
    expect(homeView(t.standin, 'U0BIG').blocks.length).toBeLessThanOrEqual(100);
    expect(Buffer.byteLength(JSON.stringify(first?.params.view))).toBeLessThan(250_000);
    expect(homeText(t.standin, 'U0BIG')).toContain('At a glance');
    expect(homeText(t.standin, 'U0BIG')).toContain('page 1 of 200');

    await sendHomeAction(t.standin, 'U0BIG', pressButton(ACTION_IDS.homeMore, '1'));
    const calls = await t.standin.waitForCall('views.publish', { count: 2 });
    expect(calls[1]?.response).toMatchObject({ ok: true });
    expect(homeText(t.standin, 'U0BIG')).toContain('showing 51–100, page 2 of 200');
    expect(homeText(t.standin, 'U0BIG')).not.toContain('At a glance');

    await sendHomeAction(t.standin, 'U0BIG', selectOption(ACTION_IDS.homeFilterState, 'Alpha'));
    await t.standin.waitForCall('views.publish', { count: 3 });
    expect(homeText(t.standin, 'U0BIG')).toMatch(
      /"\d+ of 10000 features · :test_tube: Alpha · showing 1–50, page 1 of \d+"/,
    );
    t.standin.assertClean();
  }, 30_000);
});
