import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { noticeWorkspace } from '../support/notices-harness.js';
import { CLIENT, type OAuthBot, STATE_SECRET, startOAuthBot } from '../support/oauth-bot.js';

const running: OAuthBot[] = [];
const dirs: ReturnType<typeof noticeWorkspace>[] = [];

afterEach(async () => {
  const standins = new Set(running.map((b) => b.standin));
  for (const b of running.splice(0)) await b.bot.stop();
  for (const s of standins) await s.close();
  for (const d of dirs.splice(0)) d.cleanup();
});

/** A bot that afterEach stops (stopping twice is harmless), with its stand-in and folder. */
async function start(opts: Parameters<typeof startOAuthBot>[0] = {}): Promise<OAuthBot> {
  const b = await startOAuthBot(opts);
  running.push(b);
  if (!opts.workspace) dirs.push(b.workspace);
  return b;
}

/** Every byte the SQLite database holds on disk, WAL included. */
function databaseBytes(dir: string): string {
  return readdirSync(dir)
    .filter((f) => f.startsWith('db.sqlite'))
    .map((f) => readFileSync(join(dir, f)).toString('latin1'))
    .join('');
}

/** Subscribes a channel by command and waits for the answer: a request that needs the workspace's token. */
async function subscribe(b: OAuthBot, team: string, channel: string, user: string): Promise<string> {
  const before = b.standin.callsTo('response_url').length;
  await b.standin.sendCommand('subscribe all', { team, channel_id: channel, user_id: user });
  const answers = await b.standin.waitForCall('response_url', { count: before + 1 });
  return JSON.stringify(answers.at(-1)?.params);
}

describe('multi-workspace mode: secrets and tenants', () => {
  it('never writes a token or a secret in plain text, to the database or the logs', async () => {
    const b = await start({ oauth: { tokenRotation: true }, logLevel: 'debug' });
    await b.standin.install({ installUrl: b.installUrl, team: 'T0AAA' });
    await b.standin.install({ installUrl: b.installUrl, team: 'T0BBB' });
    expect(await subscribe(b, 'T0AAA', 'C0AAAGEN', 'U0AAAADMIN')).toMatch(/Subscribed/);
    const secrets = [
      ...b.standin.calls.flatMap((c) => {
        const r = c.response as { access_token?: string; refresh_token?: string } | undefined;
        return [r?.access_token, r?.refresh_token].filter((v): v is string => typeof v === 'string');
      }),
      CLIENT.clientSecret,
      STATE_SECRET,
      b.key.toString('base64'),
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(7);
    const disk = databaseBytes(b.workspace.dir);
    expect(disk).toContain('installations');
    const logs = b.logs.lines.join('');
    for (const secret of secrets) {
      expect(disk).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
    expect(disk).not.toMatch(/xox[bpe][.-]/);
  });

  it('reads rows written with the previous key, re-encrypts them, and then needs only the new key', async () => {
    const workspace = noticeWorkspace();
    dirs.push(workspace);
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const first = await start({ workspace, key: oldKey });
    await first.standin.install({ installUrl: first.installUrl, team: 'T0AAA' });
    const before = await first.bot.store.installations.get('T:T0AAA');
    await first.bot.stop();
    const rotated = await start({ workspace, standin: first.standin, key: newKey, previousKey: oldKey });
    expect(await subscribe(rotated, 'T0AAA', 'C0AAAGEN', 'U0AAAADMIN')).toMatch(/Subscribed/);
    const after = await rotated.bot.store.installations.get('T:T0AAA');
    expect(after?.keyId).not.toBe(before?.keyId);
    expect(after?.dataEnc).not.toBe(before?.dataEnc);
    await rotated.bot.stop();
    const onlyNew = await start({ workspace, standin: first.standin, key: newKey });
    expect(await subscribe(onlyNew, 'T0AAA', 'C0AAAOPS', 'U0AAAADMIN')).toMatch(/Subscribed/);
  });

  it('never lets a request from one workspace read or change another workspace’s data', async () => {
    const b = await start();
    await b.standin.install({ installUrl: b.installUrl, team: 'T0AAA' });
    await b.standin.install({ installUrl: b.installUrl, team: 'T0BBB' });
    expect(await subscribe(b, 'T0BBB', 'C0BBBGEN', 'U0BBBUSER')).toMatch(/Subscribed/);
    await b.bot.store.homes.set({ teamId: 'T0BBB' }, 'U0BBBUSER', { state: 'Beta' });
    const bSubs = await b.bot.store.subscriptions.list({ teamId: 'T0BBB' });

    // Signed for T0AAA, naming T0BBB's channel and user.
    for (const text of ['subscriptions', 'unsubscribe all', 'unsubscribe']) {
      const before = b.standin.callsTo('response_url').length;
      await b.standin.sendCommand(text, { team: 'T0AAA', channel_id: 'C0BBBGEN', user_id: 'U0BBBUSER' });
      const [answer] = (await b.standin.waitForCall('response_url', { count: before + 1 })).slice(-1);
      expect(JSON.stringify(answer?.params)).not.toMatch(/subscribed to every|covering every/i);
    }
    await b.standin.sendInteraction(
      b.standin.buildBlockActionsPayload(
        { action_id: 'osm_home_clear', type: 'button', value: 'clear' },
        { team: 'T0AAA', user: 'U0BBBUSER' },
      ),
    );
    expect(await b.bot.store.subscriptions.list({ teamId: 'T0BBB' })).toEqual(bSubs);
    expect((await b.bot.store.homes.get({ teamId: 'T0BBB' }, 'U0BBBUSER'))?.prefs).toEqual({ state: 'Beta' });
  });
});
