import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeSetId, NoticePayloadSchema, registryFingerprint } from '../../../src/notices/change-set.js';
import { LAST_ANNOUNCEMENT_KEY } from '../../../src/notices/last-announcement.js';
import { recordRegistryVersion } from '../../../src/notices/outbox-writer.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';
import { realRegistry, withFeature } from '../../harness/registry-fixtures.js';

const log = pino({ level: 'silent' });
const v1 = realRegistry();
const v2 = withFeature(v1, 'multicluster', { state: 'Beta', history: undefined });

let store: SqliteStore;
let clock = 1_000;
beforeEach(() => {
  clock = 1_000;
  store = openSqliteStore('sqlite::memory:', { now: () => clock });
});
afterEach(() => store.close());

describe('changeSetId', () => {
  it('is the same for the same previous snapshot and new registry, whoever computes it', () => {
    const prev = { hash: 'a'.repeat(64), announcedAt: 5 };
    expect(changeSetId(prev, 'b'.repeat(64))).toBe(changeSetId({ ...prev }, 'b'.repeat(64)));
    expect(changeSetId(prev, 'b'.repeat(64))).not.toBe(changeSetId(prev, 'c'.repeat(64)));
    expect(changeSetId(undefined, 'b'.repeat(64))).not.toBe(changeSetId(prev, 'b'.repeat(64)));
  });

  it('differs when the same A → B change happens again after a revert', () => {
    const first = changeSetId({ hash: 'A', announcedAt: 1 }, 'B');
    const again = changeSetId({ hash: 'A', announcedAt: 3 }, 'B');
    expect(first).not.toBe(again);
  });

  it('ignores comments and whitespace: the fingerprint is of the parsed registry', () => {
    expect(registryFingerprint(realRegistry()).hash).toBe(registryFingerprint(v1).hash);
  });
});

describe('recordRegistryVersion', () => {
  it('first start: records a baseline and queues nothing', () => {
    store.addSubscription({ channelId: 'C1', filter: { kind: 'all' }, createdBy: 'U1' });
    expect(recordRegistryVersion(store, v1, log).kind).toBe('baseline');
    expect(store.getSnapshot()?.hash).toBe(registryFingerprint(v1).hash);
    expect(store.outboxRows()).toHaveLength(0);
  });

  it('remembers the last change announced, and when, for the Home tab', () => {
    recordRegistryVersion(store, v1, log);
    expect(store.getMeta(LAST_ANNOUNCEMENT_KEY)).toBeUndefined();
    recordRegistryVersion(store, v2, log, () => 5_000);
    expect(JSON.parse(store.getMeta(LAST_ANNOUNCEMENT_KEY) ?? '{}')).toEqual({
      at: 5_000,
      summary: 'Multicluster: Alpha → Beta (promoted)',
    });
  });

  it('same registry again (a restart): nothing', () => {
    recordRegistryVersion(store, v1, log);
    expect(recordRegistryVersion(store, v1, log)).toEqual({ kind: 'unchanged' });
    expect(store.outboxRows()).toHaveLength(0);
  });

  it('a change: snapshot and one row per subscribed channel, with a renderable payload', () => {
    recordRegistryVersion(store, v1, log);
    store.addSubscription({ channelId: 'C1', filter: { kind: 'all' }, createdBy: 'U1' });
    store.addSubscription({ channelId: 'C1', filter: { kind: 'promotions' }, createdBy: 'U1' });
    store.addSubscription({ channelId: 'C2', filter: { kind: 'removals' }, createdBy: 'U1' });
    clock = 2_000;
    const outcome = recordRegistryVersion(store, v2, log);
    expect(outcome).toMatchObject({ kind: 'committed', changes: 1, queued: 1 });
    const rows = store.outboxRows();
    expect(rows.map((r) => r.channelId)).toEqual(['C1']);
    const payload = NoticePayloadSchema.parse(JSON.parse(rows[0]?.payloadJson ?? '{}'));
    expect(payload.text).toContain('Multicluster: Alpha → Beta (promoted)');
    expect(store.getSnapshot()?.hash).toBe(registryFingerprint(v2).hash);
  });

  it('re-processing the same change (another replica read the same snapshot) queues nothing twice', () => {
    recordRegistryVersion(store, v1, log);
    store.addSubscription({ channelId: 'C1', filter: { kind: 'all' }, createdBy: 'U1' });
    const snapshot = store.getSnapshot();
    const id = changeSetId(snapshot, registryFingerprint(v2).hash);
    recordRegistryVersion(store, v2, log);
    // The replica commits the very same change-set id: the store refuses it.
    expect(
      store.commitChangeSet({
        changeSetId: id,
        snapshot: { hash: 'other', registryJson: '{}' },
        notices: [{ channelId: 'C1', payloadJson: '{}' }],
      }),
    ).toBe(0);
    expect(store.outboxRows()).toHaveLength(1);
    expect(store.getSnapshot()?.hash).toBe(registryFingerprint(v2).hash);
  });

  it('A → B → A → B announces all three changes', () => {
    recordRegistryVersion(store, v1, log);
    store.addSubscription({ channelId: 'C1', filter: { kind: 'all' }, createdBy: 'U1' });
    for (const [i, version] of [v2, v1, v2].entries()) {
      clock = 10_000 + i;
      expect(recordRegistryVersion(store, version, log)).toMatchObject({ kind: 'committed', queued: 1 });
    }
    expect(store.outboxRows()).toHaveLength(3);
  });

  it('a reordering is not a change: the snapshot moves on, nothing is queued', () => {
    recordRegistryVersion(store, v1, log);
    store.addSubscription({ channelId: 'C1', filter: { kind: 'all' }, createdBy: 'U1' });
    const reordered = { ...v1, features: [...v1.features].reverse() };
    expect(recordRegistryVersion(store, reordered, log)).toMatchObject({
      kind: 'committed',
      changes: 0,
      queued: 0,
    });
    expect(store.outboxRows()).toHaveLength(0);
  });

  it('an unreadable snapshot becomes a new baseline rather than a bogus announcement', () => {
    store.commitChangeSet({
      changeSetId: 'old',
      snapshot: { hash: 'old', registryJson: '{"not":"a registry"}' },
      notices: [],
    });
    store.addSubscription({ channelId: 'C1', filter: { kind: 'all' }, createdBy: 'U1' });
    expect(recordRegistryVersion(store, v1, log).kind).toBe('baseline');
    expect(store.outboxRows()).toHaveLength(0);
  });
});
