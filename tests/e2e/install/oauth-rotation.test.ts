import { afterEach, describe, expect, it } from 'vitest';
import { REFRESH_BEFORE_MS } from '../../../src/install/authorizer.js';
import { createTestDatabase, POSTGRES_AVAILABLE, type TestDatabase } from '../../harness/postgres.js';
import { noticeWorkspace } from '../support/notices-harness.js';
import { type OAuthBot, startOAuthBot } from '../support/oauth-bot.js';

const LIFETIME_S = 3 * 60 * 60;
const replicas: OAuthBot[] = [];
const dirs: ReturnType<typeof noticeWorkspace>[] = [];
let db: TestDatabase | undefined;
afterEach(async () => {
  const standins = new Set(replicas.map((r) => r.standin));
  for (const r of replicas.splice(0)) await r.bot.stop();
  for (const s of standins) await s.close();
  for (const d of dirs.splice(0)) d.cleanup();
  await db?.drop();
  db = undefined;
});

const STORES = [
  { name: 'SQLite', run: true, url: async () => undefined },
  {
    name: 'PostgreSQL',
    run: POSTGRES_AVAILABLE,
    url: async () => {
      db = await createTestDatabase('rotation');
      return db.url;
    },
  },
];

describe('multi-workspace mode: token rotation', () => {
  it.each(STORES.filter((s) => s.run))(
    'refreshes an expiring token once when two replicas need it at once ($name)',
    async (store) => {
      let now = Date.now();
      const databaseUrl = await store.url();
      const clock = { bot: { now: () => now }, ...(databaseUrl ? { databaseUrl } : {}) };
      const workspace = noticeWorkspace();
      dirs.push(workspace);
      const r1 = await startOAuthBot({
        workspace,
        oauth: { tokenRotation: true, expiresInSeconds: LIFETIME_S },
        ...clock,
      });
      replicas.push(r1);
      const r2 = await startOAuthBot({ workspace, standin: r1.standin, key: r1.key, ...clock });
      replicas.push(r2);
      const { standin } = r1;

      // The install starts on one replica and comes back to the other: the state is in the shared store.
      const installed = await standin.install({ installUrl: r1.installUrl, team: 'T0AAA' });
      expect(installed.status).toBe(200);
      const first = standin.team('T0AAA')?.botToken;
      expect(first).toMatch(/^xoxe\.xoxb-/);

      now += LIFETIME_S * 1000 - REFRESH_BEFORE_MS + 60_000;
      standin.setAppUrl(r1.appUrl);
      const one = standin.sendCommand('subscribe all', {
        team: 'T0AAA',
        channel_id: 'C0AAAGEN',
        user_id: 'U0AAAADMIN',
      });
      standin.setAppUrl(r2.appUrl);
      const two = standin.sendCommand('subscribe all', {
        team: 'T0AAA',
        channel_id: 'C0AAAOPS',
        user_id: 'U0AAAADMIN',
      });
      expect((await Promise.all([one, two])).map((r) => r.status)).toEqual([200, 200]);
      const answers = await standin.waitForCall('response_url', { count: 2 });
      expect(answers.map((a) => JSON.stringify(a.params))).toEqual([
        expect.stringMatching(/Subscribed/),
        expect.stringMatching(/Subscribed/),
      ]);

      expect(standin.tokenRefreshes).toHaveLength(1);
      const rotated = standin.team('T0AAA')?.botToken;
      expect(rotated).not.toBe(first);
      const infos = standin.callsTo('conversations.info');
      expect(infos.map((c) => c.status)).toEqual([200, 200]);
      expect(infos.map((c) => c.token)).toContain(rotated);
      const row = await r1.bot.store.installations.get('T:T0AAA');
      expect(row?.tokenExpiresAt).toBe((Math.floor(now / 1000) + LIFETIME_S) * 1000);
      standin.assertClean();
    },
  );
});
