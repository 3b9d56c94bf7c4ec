import type { RecordedCall } from '@osm-feature-bot/slack-standin';
import { afterEach, describe, expect, it } from 'vitest';
import { editFile, noticesIn, promoteMulticluster, removeFeature } from '../support/notices-harness.js';
import { type OAuthBot, startOAuthBot } from '../support/oauth-bot.js';

let t: OAuthBot | undefined;

afterEach(async () => {
  await t?.bot.stop();
  await t?.standin.close();
  t?.workspace.cleanup();
  t = undefined;
});

const isNoticeTo = (channel: string) => (c: RecordedCall) =>
  c.method === 'chat.postMessage' && c.params.channel === channel && c.status === 200;

describe('multi-workspace mode: install through OAuth', () => {
  it('installs into two workspaces, answers and notifies each with its own token, and stops after an uninstall', async () => {
    t = await startOAuthBot();
    const { standin, bot } = t;
    const page = await fetch(t.installUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Add to Slack');

    const acme = await standin.install({ installUrl: t.installUrl, team: 'T0AAA' });
    const beta = await standin.install({ installUrl: t.installUrl, team: 'T0BBB' });
    expect([acme.status, beta.status]).toEqual([200, 200]);
    expect(acme.body).toContain('Acme &amp; &lt;Co&gt;');
    expect(acme.body).not.toContain('<Co>');
    expect((await bot.store.installations.listActive()).map((r) => r.key)).toEqual(['T:T0AAA', 'T:T0BBB']);

    // A command in each workspace: the subscription checks the channel with that workspace's token.
    await standin.sendCommand('subscribe all', {
      team: 'T0AAA',
      channel_id: 'C0AAAGEN',
      user_id: 'U0AAAADMIN',
    });
    await standin.sendCommand('subscribe all', {
      team: 'T0BBB',
      channel_id: 'C0BBBGEN',
      user_id: 'U0BBBUSER',
    });
    await standin.waitForCall(
      (c) => c.method === 'response_url' && /subscribed/i.test(JSON.stringify(c.params)),
      {
        count: 2,
      },
    );
    const infos = standin.callsTo('conversations.info');
    expect(infos.map((c) => [c.team, c.token])).toEqual([
      ['T0AAA', standin.team('T0AAA')?.botToken],
      ['T0BBB', standin.team('T0BBB')?.botToken],
    ]);

    editFile(t.workspace.registryPath, promoteMulticluster);
    const [toA] = await standin.waitForCall(isNoticeTo('C0AAAGEN'), { timeoutMs: 15_000 });
    const [toB] = await standin.waitForCall(isNoticeTo('C0BBBGEN'), { timeoutMs: 15_000 });
    expect(toA?.token).toBe(standin.team('T0AAA')?.botToken);
    expect(toB?.token).toBe(standin.team('T0BBB')?.botToken);

    const deliveries = await standin.uninstall('T0AAA');
    expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
    await t.logs.logged('workspace paused');
    expect((await bot.store.installations.get('T:T0AAA'))?.active).toBe(false);
    expect(await bot.store.subscriptions.list({ teamId: 'T0AAA' })).toEqual([]);

    editFile(t.workspace.registryPath, (text) => removeFeature(text, 'multicluster'));
    await standin.waitForCall(isNoticeTo('C0BBBGEN'), { count: 2, timeoutMs: 15_000 });
    await bot.notices.whenIdle();
    expect(noticesIn(standin, 'C0AAAGEN')).toHaveLength(1);
    expect(noticesIn(standin, 'C0BBBGEN')).toHaveLength(2);
    expect(
      standin.calls.filter((c) => c.team === 'T0AAA' && c.seq > (toB?.seq ?? 0) && c.kind === 'api'),
    ).toEqual([]);
    standin.assertClean();
  });
});
