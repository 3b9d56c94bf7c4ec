import { afterEach, describe, expect, it } from 'vitest';
import { STATE_TTL_MS } from '../../../src/install/state-store.js';
import { type OAuthBot, startOAuthBot } from '../support/oauth-bot.js';

let t: OAuthBot | undefined;

afterEach(async () => {
  await t?.bot.stop();
  await t?.standin.close();
  t?.workspace.cleanup();
  t = undefined;
});

async function installed(bot: OAuthBot): Promise<string[]> {
  return (await bot.bot.store.installations.listActive()).map((r) => r.key);
}

describe('multi-workspace mode: installs that must not happen', () => {
  it('installs nothing for a forged, missing or replayed state, or another browser', async () => {
    t = await startOAuthBot();
    const { standin } = t;
    const pending = await standin.startInstall({ installUrl: t.installUrl, team: 'T0AAA' });

    const forged = new URL(pending.redirectUrl);
    forged.searchParams.set('state', 'forged.state');
    const refusedForged = await pending.finish(forged.toString(), pending.cookieJar.clone());
    expect(refusedForged.status).toBe(400);
    expect(refusedForged.body).toContain('Nothing was installed');
    expect(refusedForged.body).not.toMatch(/at .*\.js|Error:/);

    const missing = new URL(pending.redirectUrl);
    missing.searchParams.delete('state');
    expect((await pending.finish(missing.toString(), pending.cookieJar.clone())).status).toBe(400);

    const otherBrowser = await standin.startInstall({ installUrl: t.installUrl, team: 'T0AAA' });
    expect((await pending.finish(pending.redirectUrl, otherBrowser.cookieJar)).status).toBe(400);
    expect(standin.callsTo('oauth.v2.access')).toEqual([]);

    // The state is consumed by the first use: a browser that kept its cookie cannot use it again.
    const kept = pending.cookieJar.clone();
    expect((await pending.finish()).status).toBe(200);
    const replay = await pending.finish(pending.redirectUrl, kept);
    expect(replay.status).toBe(400);
    expect(standin.callsTo('oauth.v2.access')).toHaveLength(1);
    expect(await installed(t)).toEqual(['T:T0AAA']);
    standin.assertClean();
  });

  it('installs nothing once the state has expired, and says so', async () => {
    let now = Date.now();
    t = await startOAuthBot({ bot: { now: () => now } });
    const pending = await t.standin.startInstall({ installUrl: t.installUrl, team: 'T0BBB' });
    now += STATE_TTL_MS + 1_000;
    const late = await pending.finish();
    expect(late.status).toBe(400);
    expect(late.body).toContain('expired');
    expect(t.standin.callsTo('oauth.v2.access')).toEqual([]);
    expect(await installed(t)).toEqual([]);
  });

  it('says a cancelled install added nothing', async () => {
    t = await startOAuthBot();
    const cancelled = await t.standin.install({ installUrl: t.installUrl, team: 'T0AAA', deny: true });
    expect(cancelled.body).toContain('cancelled');
    expect(await installed(t)).toEqual([]);
  });

  it('answers a workspace that has not installed the app kindly, without a crash', async () => {
    t = await startOAuthBot();
    const sent = await t.standin.sendCommand('multicluster', { team: 'T0BBB', channel_id: 'C0BBBGEN' });
    expect(sent.status).toBe(200);
    const [answer] = await t.standin.waitForCall('response_url');
    expect(JSON.stringify(answer?.params)).toMatch(/not installed in this workspace/);
    expect(t.logs.lines.join('')).not.toContain('listener failed');
  });
});
