import { afterEach, describe, expect, it } from 'vitest';
import { ACCESS_REVOKED, UNINSTALLED } from '../../../src/install/install-lifecycle.js';
import { type OAuthBot, startOAuthBot } from '../support/oauth-bot.js';

let t: OAuthBot | undefined;

afterEach(async () => {
  await t?.bot.stop();
  await t?.standin.close();
  t?.workspace.cleanup();
  t = undefined;
});

const ORG = 'E0ORG';
const W1 = { teamId: 'T0ORG1', enterpriseId: ORG };

describe('multi-workspace mode: an Enterprise Grid org-wide install', () => {
  it('serves the workspaces an org admin grants, pauses those taken away, and stops on uninstall', async () => {
    t = await startOAuthBot({
      teams: [
        {
          id: 'T0ORG1',
          name: 'Org One',
          enterpriseId: ORG,
          enterpriseName: 'Org',
          installed: false,
          channels: [{ id: 'C0ORG1GEN', name: 'general' }],
        },
        {
          id: 'T0ORG2',
          name: 'Org Two',
          enterpriseId: ORG,
          enterpriseName: 'Org',
          installed: false,
          channels: [{ id: 'C0ORG2GEN', name: 'general' }],
        },
      ],
    });
    const { standin, bot } = t;
    expect((await standin.install({ installUrl: t.installUrl, team: ORG })).status).toBe(200);
    expect((await bot.store.installations.listActive()).map((r) => [r.key, r.isEnterpriseInstall])).toEqual([
      ['E:E0ORG', true],
    ]);
    await standin.grantTeamAccess(ORG, ['T0ORG1']);

    await standin.sendCommand('subscribe all', { team: 'T0ORG1', channel_id: 'C0ORG1GEN' });
    const [answer] = await standin.waitForCall('response_url');
    expect(JSON.stringify(answer?.params)).toMatch(/Subscribed/);
    expect(await bot.store.subscriptions.list(W1)).toHaveLength(1);

    await standin.revokeTeamAccess(ORG, ['T0ORG1']);
    await t.logs.logged('workspace paused');
    const paused = await bot.store.subscriptions.list(W1, { includeInactive: true });
    expect(paused.map((s) => [s.active, s.deactivatedReason])).toEqual([[false, ACCESS_REVOKED]]);

    await standin.grantTeamAccess(ORG, ['T0ORG1']);
    await t.logs.logged('organisation access granted');
    expect(await bot.store.subscriptions.list(W1)).toHaveLength(1);

    await standin.uninstall(ORG);
    await t.logs.logged('"reason":"app uninstalled"');
    expect((await bot.store.installations.get('E:E0ORG'))?.active).toBe(false);
    const gone = await bot.store.subscriptions.list(W1, { includeInactive: true });
    expect(gone.map((s) => s.deactivatedReason)).toEqual([UNINSTALLED]);
    standin.assertClean();
  });
});
