import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createHomeService } from '../../src/home/home-service.js';
import type { ListenerDeps } from '../../src/listeners/deps.js';
import { ACTION_IDS } from '../../src/render/slack/ids.js';
import { InFlight } from '../../src/shared/in-flight.js';
import { loadRegistryFile } from '../../src/sources/read-registry.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite.js';
import type { ChannelContext, SubscriptionService } from '../../src/subscriptions/subscription-service.js';
import { configFor } from '../harness/bot-config.js';
import { FAST_RETRIES } from './support/bot-under-test.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The app with listener deps chosen by the test: here, the subscription service. */
async function startApp(subscriptions: SubscriptionService): Promise<SlackStandin> {
  const standin = await SlackStandin.start();
  cleanups.push(() => standin.close());
  const dir = mkdtempSync(join(tmpdir(), 'osm-sub-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const loaded = await loadRegistryFile('tests/fixtures/registry/osm.yml');
  if (!loaded.ok) throw new Error('the registry fixture does not load');
  const store = await openSqliteStore(join(dir, 'bot.db'));
  cleanups.push(async () => store.close());
  const log = pino({ level: 'silent' });
  const config = configFor(standin, dir, { registryPath: 'tests/fixtures/registry/osm.yml' });
  const registry = loaded.registry;
  const provider = { current: () => registry };
  const deps: ListenerDeps = {
    registry: provider,
    log,
    subscriptions,
    home: createHomeService({ registry: provider, store }),
    events: store.events,
    inFlight: new InFlight(),
  };
  const slack = createApp(config, deps, log, { retryConfig: FAST_RETRIES });
  const { port } = await slack.start();
  cleanups.push(() => slack.stop());
  standin.setAppUrl(`http://127.0.0.1:${port}`);
  return standin;
}

async function clickSubscribe(standin: SlackStandin, featureId: string) {
  const payload = standin.buildBlockActionsPayload({
    action_id: ACTION_IDS.subscribeFeature,
    value: featureId,
  });
  expect((await standin.sendInteraction(payload)).status).toBe(200);
  const [reply] = await standin.waitForCall('response_url');
  return reply;
}

describe('"Subscribe this channel"', () => {
  it('asks the subscription service for the feature, for the clicked channel and user, and shows its answer', async () => {
    const asked: { intent: unknown; ctx: ChannelContext }[] = [];
    const standin = await startApp({
      async runCommand(intent, ctx) {
        asked.push({ intent, ctx });
        return { kind: 'shared', featureName: 'Vault' };
      },
    });
    const reply = await clickSubscribe(standin, 'certificate-provider-vault');
    expect(asked.map((a) => a.intent)).toEqual([
      { kind: 'subscribe', filter: { kind: 'feature', query: 'certificate-provider-vault' } },
    ]);
    expect([asked[0]?.ctx.channelId, asked[0]?.ctx.userId]).toEqual(['C0GENERAL', 'U0USER']);
    expect(reply?.params).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: ':white_check_mark: Shared *Vault* in this channel.',
    });
    standin.assertClean();
  });
});
