import type { RecordedCall } from '@osm-feature-bot/slack-standin';
import { afterEach, describe, expect, it } from 'vitest';
import { UNINSTALLED } from '../../../src/install/install-lifecycle.js';
import { editFile, promoteMulticluster } from '../support/notices-harness.js';
import { type OAuthBot, startOAuthBot } from '../support/oauth-bot.js';

let t: OAuthBot | undefined;

afterEach(async () => {
  await t?.bot.stop();
  await t?.standin.close();
  t?.workspace.cleanup();
  t = undefined;
});

const A = { teamId: 'T0AAA' };
const isNoticeTo = (channel: string) => (c: RecordedCall) =>
  c.method === 'chat.postMessage' && c.params.channel === channel && c.status === 200;

/** Installs the app in T0AAA and subscribes #general there (stored as a person would, by command). */
async function installAndSubscribe(bot: OAuthBot): Promise<void> {
  await bot.standin.install({ installUrl: bot.installUrl, team: 'T0AAA' });
  await bot.standin.sendCommand('subscribe all', {
    team: 'T0AAA',
    channel_id: 'C0AAAGEN',
    user_id: 'U0AAAADMIN',
  });
  await bot.standin.waitForCall('response_url');
  expect(await bot.bot.store.subscriptions.list(A)).toHaveLength(1);
}

describe('multi-workspace mode: uninstall and re-install', () => {
  it.each(['app_uninstalled', 'tokens_revoked'] as const)(
    'pauses on an uninstall (%s first), and a re-install resumes the subscriptions',
    async (first) => {
      t = await startOAuthBot();
      await installAndSubscribe(t);
      await t.standin.uninstall('T0AAA', { first });
      await t.logs.logged('workspace paused');
      expect(await t.bot.store.subscriptions.list(A)).toEqual([]);
      const paused = await t.bot.store.subscriptions.list(A, { includeInactive: true });
      expect(paused.map((s) => s.deactivatedReason)).toEqual([UNINSTALLED]);

      await t.standin.install({ installUrl: t.installUrl, team: 'T0AAA' });
      expect(await t.bot.store.subscriptions.list(A)).toHaveLength(1);
      editFile(t.workspace.registryPath, promoteMulticluster);
      const [notice] = await t.standin.waitForCall(isNoticeTo('C0AAAGEN'), { timeoutMs: 15_000 });
      expect(notice?.token).toBe(t.standin.team('T0AAA')?.botToken);
      t.standin.assertClean();
    },
  );

  it('ignores an uninstall event that arrives after a re-install', async () => {
    t = await startOAuthBot();
    await installAndSubscribe(t);
    await t.standin.uninstall('T0AAA', { sendEvents: false });
    await t.standin.install({ installUrl: t.installUrl, team: 'T0AAA' });
    // The events of the first uninstall, late: the new install's token still works.
    for (const event of [
      { type: 'tokens_revoked', tokens: { bot: ['U0AAABOT'] } },
      { type: 'app_uninstalled' },
    ])
      expect((await t.standin.sendEvent(event, { team: 'T0AAA' })).status).toBe(200);
    await t.logs.logged('ignoring an event about an earlier install');
    expect((await t.bot.store.installations.get('T:T0AAA'))?.active).toBe(true);
    expect(await t.bot.store.subscriptions.list(A)).toHaveLength(1);
  });

  it('drops the pending notices of a workspace that uninstalls, keeping them in the log as failed', async () => {
    t = await startOAuthBot();
    await installAndSubscribe(t);
    // Slack holds the workspace's posts back for a minute: the notice is pending when the app is removed.
    t.standin.injectFault('chat.postMessage', { status: 429, retryAfter: 60 }, { team: 'T0AAA' });
    editFile(t.workspace.registryPath, promoteMulticluster);
    await t.standin.waitForCall((c) => c.method === 'chat.postMessage' && c.status === 429, {
      timeoutMs: 15_000,
    });
    await t.standin.uninstall('T0AAA');
    await t.logs.logged('workspace paused');
    const rows = await t.bot.store.outbox.rows({ workspace: A });
    expect(rows.map((r) => [r.status, r.lastError])).toEqual([['failed', UNINSTALLED]]);
  });

  it('pauses a workspace whose bot token is revoked', async () => {
    t = await startOAuthBot();
    await installAndSubscribe(t);
    await t.standin.revokeTokens('T0AAA', { types: ['bot'] });
    await t.logs.logged('workspace paused');
    expect((await t.bot.store.installations.get('T:T0AAA'))?.active).toBe(false);
    expect(await t.bot.store.subscriptions.list(A)).toEqual([]);
  });
});
