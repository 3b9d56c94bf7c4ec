import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Announcer } from '../../../src/notices/announcer.js';
import { changeSetId, registryFingerprint } from '../../../src/notices/change-set.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite/open-sqlite.js';
import { realRegistry, withFeature } from '../../harness/registry-fixtures.js';

const log = pino({ level: 'silent' });
const v1 = realRegistry();
const v2 = withFeature(v1, 'multicluster', { state: 'Beta', history: undefined });
const v3 = withFeature(v2, 'osm-cli', { state: 'Beta', history: undefined });
const WS = { teamId: 'T0ONE' };

let store: SqliteStore;
let clock = 1_000;
let announcer: Announcer;
beforeEach(async () => {
  clock = 1_000;
  store = await openSqliteStore(':memory:', () => clock);
  announcer = new Announcer({ store, log, worker: 'r1', now: () => clock });
});
afterEach(async () => store.close());
const subscribe = (channelId: string, kind: 'all' | 'promotions' | 'removals' = 'all') =>
  store.subscriptions.add(WS, { channelId, filter: { kind }, createdBy: 'U1' });

describe('changeSetId', () => {
  it('is the same for the same previous snapshot and new registry, whoever computes it', () => {
    const prev = { hash: 'a'.repeat(64), announcedAt: 5 };
    expect(changeSetId(prev, 'b'.repeat(64))).toBe(changeSetId({ ...prev }, 'b'.repeat(64)));
    expect(changeSetId(prev, 'b'.repeat(64))).not.toBe(changeSetId(prev, 'c'.repeat(64)));
    expect(changeSetId(undefined, 'b'.repeat(64))).not.toBe(changeSetId(prev, 'b'.repeat(64)));
  });

  it('differs when the same A → B change happens again after a revert', () => {
    expect(changeSetId({ hash: 'A', announcedAt: 1 }, 'B')).not.toBe(
      changeSetId({ hash: 'A', announcedAt: 3 }, 'B'),
    );
  });

  it('ignores comments and whitespace: the fingerprint is of the parsed registry', () => {
    expect(registryFingerprint(realRegistry()).hash).toBe(registryFingerprint(v1).hash);
  });
});

describe('Announcer', () => {
  it('first start: records a baseline and queues nothing', async () => {
    await subscribe('C1');
    expect((await announcer.offer(v1)).kind).toBe('baseline');
    expect((await store.announcements.current())?.hash).toBe(registryFingerprint(v1).hash);
    expect(await store.outbox.rows()).toHaveLength(0);
  });

  it('remembers the last change announced, and when, for the Home tab', async () => {
    await announcer.offer(v1);
    expect(await store.announcements.last()).toBeUndefined();
    clock = 5_000;
    await announcer.offer(v2);
    expect(await store.announcements.last()).toEqual({
      at: 5_000,
      summary: 'Multicluster: Alpha → Beta (promoted)',
    });
  });

  it('same registry again (a restart): nothing', async () => {
    await announcer.offer(v1);
    expect(await announcer.offer(v1)).toEqual({ kind: 'unchanged' });
    expect(await store.outbox.rows()).toHaveLength(0);
  });

  it('a change: snapshot and one row per subscribed channel, with a renderable payload', async () => {
    await announcer.offer(v1);
    await subscribe('C1');
    await subscribe('C1', 'promotions');
    await subscribe('C2', 'removals');
    const outcome = await announcer.offer(v2);
    expect(outcome).toMatchObject({ kind: 'committed', changes: 1, queued: 1 });
    const rows = await store.outbox.rows();
    expect(rows.map((r) => [r.workspace, r.channelId])).toEqual([[WS, 'C1']]);
    expect(rows[0]?.payload?.text).toContain('Multicluster: Alpha → Beta (promoted)');
    expect((await store.announcements.current())?.hash).toBe(registryFingerprint(v2).hash);
  });

  it('two replicas offering the same change at once commit it once', async () => {
    await announcer.offer(v1);
    await subscribe('C1');
    const second = new Announcer({ store, log, worker: 'r2', now: () => clock });
    const outcomes = await Promise.all([announcer.offer(v2), second.offer(v2)]);
    expect(outcomes.filter((o) => o.kind === 'committed')).toHaveLength(1);
    expect(outcomes.every((o) => ['committed', 'busy', 'unchanged'].includes(o.kind))).toBe(true);
    expect(await store.outbox.rows()).toHaveLength(1);
  });

  it('A → B → A → B announces all three changes', async () => {
    await announcer.offer(v1);
    await subscribe('C1');
    for (const [i, version] of [v2, v1, v2].entries()) {
      clock = 10_000 + i;
      expect(await announcer.offer(version)).toMatchObject({ kind: 'committed', queued: 1 });
    }
    expect(await store.outbox.rows()).toHaveLength(3);
  });

  it('a replica whose source is behind never announces a revert; a revert saved after the announcement does', async () => {
    await announcer.offer(v1);
    await subscribe('C1');
    clock = 20_000;
    await announcer.offer(v2);
    // A replica starting with the older file (an older image), or one that has not seen the new version yet.
    const stale = new Announcer({ store, log, worker: 'r2', now: () => clock });
    expect(await stale.offer(v1, { modifiedAt: 10_000 })).toEqual({ kind: 'behind' });
    expect(await stale.offer(v1)).toEqual({ kind: 'behind' });
    expect(await store.outbox.rows()).toHaveLength(1);
    // The same old version, saved after v2 was announced (a real revert, made while the bot was down).
    const restarted = new Announcer({ store, log, worker: 'r3', now: () => clock });
    expect(await restarted.offer(v1, { modifiedAt: 30_000 })).toMatchObject({ kind: 'committed', queued: 1 });
    // A version never announced before is always new.
    const fresh = new Announcer({ store, log, worker: 'r4', now: () => clock });
    expect(await fresh.offer(v3, { modifiedAt: 1 })).toMatchObject({ kind: 'committed' });
  });

  it('a reordering is not a change: the snapshot moves on, nothing is queued', async () => {
    await announcer.offer(v1);
    await subscribe('C1');
    const reordered = { ...v1, features: [...v1.features].reverse() };
    expect(await announcer.offer(reordered)).toMatchObject({ kind: 'committed', changes: 0, queued: 0 });
    expect(await store.outbox.rows()).toHaveLength(0);
  });

  it('an unreadable snapshot becomes a new baseline rather than a bogus announcement', async () => {
    await store.announcements.commit({
      changeSetId: 'old',
      expectedHash: null,
      snapshot: { hash: 'old', registry: v1 },
      notices: [],
    });
    store.raw.prepare(`UPDATE snapshot SET registry_json = '{"not":"a registry"}'`).run();
    await subscribe('C1');
    expect((await announcer.offer(v1)).kind).toBe('baseline');
    expect(await store.outbox.rows()).toHaveLength(0);
  });
});
