import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** The value, or a failed test when it is missing. */
function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

import type { ChangeSetInput, Store, SubscriptionFilter } from '../../../src/store/store.js';

const TS = '1700000000.000100';
const N = expect.any(Number);
const FEATURE: SubscriptionFilter = { kind: 'feature', featureId: 'circuit-breaking' };
const changeSet = (id: string, channels: string[], hash = `hash-${id}`): ChangeSetInput => ({
  changeSetId: id,
  snapshot: { hash, registryJson: JSON.stringify({ id }) },
  notices: channels.map((channelId) => ({ channelId, payloadJson: `{"text":"${id} ${channelId}"}` })),
});

/**
 * The behaviour every Store must have. Each test gets a fresh, empty store from `makeStore` and closes it.
 * Time-dependent checks pass explicit times relative to Date.now(), so a store on the real clock works.
 */
export function runStoreContract(name: string, makeStore: () => Promise<Store> | Store): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(() => store.close());
    const add = (channelId: string, filter: SubscriptionFilter = FEATURE, createdBy = 'U1') =>
      store.addSubscription({ channelId, filter, createdBy });

    it('adds and round-trips every field', () => {
      const before = Date.now();
      const { subscription, created } = add('C1');
      expect(created).toBe(true);
      expect(subscription).toEqual({
        id: N,
        channelId: 'C1',
        filter: FEATURE,
        createdBy: 'U1',
        createdAt: N,
        active: true,
        source: 'command',
      });
      expect(subscription.createdAt).toBeGreaterThanOrEqual(before);
      expect(store.listSubscriptions('C1')).toEqual([subscription]);
    });

    it('is idempotent per channel and filter, whatever the key order', () => {
      const first = add('C1');
      const reordered = { featureId: 'circuit-breaking', kind: 'feature' } as SubscriptionFilter;
      const again = add('C1', reordered, 'U2');
      expect(again).toEqual({ subscription: first.subscription, created: false });
      expect(store.listSubscriptions()).toHaveLength(1);
    });

    it('keeps channels and filters apart, stores every filter kind and the source', () => {
      const filters: SubscriptionFilter[] = [
        { kind: 'all' },
        FEATURE,
        { kind: 'category', categoryId: 'traffic' },
        { kind: 'state', state: 'Beta' },
        { kind: 'promotions' },
        { kind: 'removals' },
      ];
      for (const filter of filters) add('C1', filter);
      store.addSubscription({ channelId: 'C2', filter: FEATURE, createdBy: 'U1', source: 'config' });
      expect(store.listSubscriptions('C1').map((s) => s.filter)).toEqual(filters);
      expect(store.listSubscriptions('C2')).toMatchObject([{ filter: FEATURE, source: 'config' }]);
      expect(store.listSubscriptions().map((s) => s.channelId)).toEqual([...filters.map(() => 'C1'), 'C2']);
    });

    it('rejects an invalid filter', () => {
      const bad = { kind: 'feature', featureId: '' } as SubscriptionFilter;
      expect(() => add('C1', bad)).toThrow(/filter/);
      const nope = { kind: 'nope' } as unknown as SubscriptionFilter;
      expect(() => store.removeSubscription('C1', nope)).toThrow();
      expect(store.listSubscriptions()).toEqual([]);
    });

    it('removes one filter, or all of a channel without one', () => {
      add('C1');
      add('C1', { kind: 'all' });
      add('C2', { kind: 'all' });
      expect(store.removeSubscription('C1', { kind: 'removals' })).toBe(0);
      expect(store.removeSubscription('C1', FEATURE)).toBe(1);
      expect(store.listSubscriptions('C1').map((s) => s.filter)).toEqual([{ kind: 'all' }]);
      add('C1');
      expect(store.removeSubscription('C1')).toBe(2);
      expect(store.listSubscriptions().map((s) => s.channelId)).toEqual(['C2']);
    });

    it('deactivates a channel; re-adding reactivates the same subscription', () => {
      const { subscription } = add('C1');
      add('C2');
      expect(store.deactivateChannel('C1', 'channel_not_found')).toBe(1);
      expect(store.deactivateChannel('C1', 'again')).toBe(0);
      expect(store.listSubscriptions('C1')).toEqual([]);
      expect(store.listSubscriptions(undefined, { includeInactive: true })).toMatchObject([
        { channelId: 'C1', active: false, deactivatedReason: 'channel_not_found' },
        { channelId: 'C2', active: true },
      ]);
      const again = add('C1', FEATURE, 'U9');
      expect(again).toEqual({ subscription, created: false });
      expect(again.subscription).not.toHaveProperty('deactivatedReason');
    });

    it('has no snapshot at first, then the last committed one; idempotent per changeSetId', () => {
      expect(store.getSnapshot()).toBeUndefined();
      expect(store.commitChangeSet(changeSet('cs1', []))).toBe(0);
      expect(store.getSnapshot()).toEqual({ hash: 'hash-cs1', registryJson: '{"id":"cs1"}', announcedAt: N });
      expect(store.commitChangeSet(changeSet('cs2', ['C1']))).toBe(1);
      expect(store.getSnapshot()?.hash).toBe('hash-cs2');
      // A repeated change set id inserts nothing and keeps the snapshot.
      expect(store.commitChangeSet(changeSet('cs1', ['C1', 'C2'], 'other-hash'))).toBe(0);
      expect(store.outboxRows()).toHaveLength(1);
      expect(store.getSnapshot()?.hash).toBe('hash-cs2');
    });

    it('queues one pending row per notice, due now', () => {
      const before = Date.now();
      expect(store.commitChangeSet(changeSet('cs1', ['C1', 'C2']))).toBe(2);
      const rows = store.outboxRows();
      expect(rows).toEqual([
        {
          id: N,
          changeSetId: 'cs1',
          channelId: 'C1',
          payloadJson: '{"text":"cs1 C1"}',
          status: 'pending',
          attempts: 0,
          notBefore: N,
          createdAt: N,
          updatedAt: N,
        },
        expect.objectContaining({ channelId: 'C2', status: 'pending' }),
      ]);
      expect(rows[0]?.notBefore).toBeGreaterThanOrEqual(before);
      expect(store.pendingCount()).toBe(2);
    });

    it('is atomic: a notice that breaks a constraint leaves neither snapshot nor rows', () => {
      store.commitChangeSet(changeSet('cs1', ['C1']));
      expect(() => store.commitChangeSet(changeSet('cs2', ['C1', 'C2', 'C1']))).toThrow();
      const badPayload = changeSet('cs2', ['C1']);
      badPayload.notices.push({ channelId: 'C2', payloadJson: '{not json' });
      expect(() => store.commitChangeSet(badPayload)).toThrow();
      expect(store.getSnapshot()?.hash).toBe('hash-cs1');
      expect(store.outboxRows().map((r) => r.changeSetId)).toEqual(['cs1']);
      // Nothing of the failed attempts was remembered, so the fixed change set still goes through.
      expect(store.commitChangeSet(changeSet('cs2', ['C1', 'C2']))).toBe(2);
      expect(store.getSnapshot()?.hash).toBe('hash-cs2');
    });

    it('claims due rows oldest first, marks them sending, never hands a row out twice', () => {
      store.commitChangeSet(changeSet('cs1', ['C1', 'C2', 'C3']));
      const first = store.claimDue(2).map((r) => `${r.channelId}:${r.status}:${r.attempts}`);
      expect(first).toEqual(['C1:sending:1', 'C2:sending:1']);
      expect(store.claimDue(0)).toEqual([]);
      expect(store.claimDue(10).map((r) => r.channelId)).toEqual(['C3']);
      expect(store.claimDue(10)).toEqual([]);
      expect(store.outboxRows({ status: 'sending' })).toHaveLength(3);
      expect(store.pendingCount()).toBe(0);
    });

    it('respects notBefore', () => {
      const t = Date.now();
      store.commitChangeSet(changeSet('cs1', ['C1']));
      expect(store.claimDue(10, t - 60_000)).toEqual([]);
      const [row] = store.claimDue(10, t + 1_000);
      store.markRetry(must(row).id, 'ratelimited', t + 30_000);
      const [retried] = store.outboxRows();
      expect(retried).toMatchObject({ status: 'pending', lastError: 'ratelimited', notBefore: t + 30_000 });
      expect(store.claimDue(10, t + 29_999)).toEqual([]);
      expect(store.claimDue(10, t + 30_000)).toMatchObject([{ id: must(row).id, attempts: 2 }]);
    });

    it('marks sent, records the attempt ts, and fails terminally', () => {
      store.commitChangeSet(changeSet('cs1', ['C1', 'C2']));
      const [a, b] = store.claimDue(10);
      store.recordAttemptTs(must(a).id, TS);
      expect(store.outboxRows()[0]).toMatchObject({ status: 'sending', slackTs: TS });
      store.markSent(must(a).id, TS);
      store.markFailed(must(b).id, 'is_archived');
      expect(store.outboxRows({ status: 'sent' })).toMatchObject([{ id: must(a).id, slackTs: TS }]);
      expect(store.outboxRows({ status: 'failed' })).toMatchObject([
        { id: must(b).id, lastError: 'is_archived' },
      ]);
      expect(store.claimDue(10)).toEqual([]);
    });

    it('refuses transitions from a row that is not sending, or does not exist', () => {
      store.commitChangeSet(changeSet('cs1', ['C1']));
      const [row] = store.outboxRows();
      expect(() => store.markSent(must(row).id, 'ts')).toThrow(/'pending', expected 'sending'/);
      store.claimDue(1);
      store.markSent(must(row).id, 'ts');
      expect(() => store.markSent(must(row).id, 'ts')).toThrow(/'sent'/);
      expect(() => store.markRetry(must(row).id, 'x', 0)).toThrow(/'sent'/);
      expect(() => store.markFailed(999_999, 'x')).toThrow(/no outbox row 999999/);
      expect(() => store.recordAttemptTs(999_999, 'ts')).toThrow(/no outbox row/);
    });

    it('requeues in-flight rows at start-up, finishing the ones Slack already accepted', () => {
      store.commitChangeSet(changeSet('cs1', ['C1', 'C2', 'C3']));
      const [, b] = store.claimDue(2);
      store.recordAttemptTs(must(b).id, 'ts-b');
      expect(store.requeueInFlight()).toBe(1);
      expect(store.outboxRows().map((r) => r.status)).toEqual(['pending', 'sent', 'pending']);
      expect(store.requeueInFlight()).toBe(0);
      expect(store.claimDue(10).map((r) => `${r.channelId}:${r.attempts}`)).toEqual(['C1:2', 'C3:1']);
    });

    it('filters rows by status and change set', () => {
      store.commitChangeSet(changeSet('cs1', ['C1']));
      store.commitChangeSet(changeSet('cs2', ['C1', 'C2']));
      store.claimDue(1);
      expect(store.outboxRows({ changeSetId: 'cs2' }).map((r) => r.channelId)).toEqual(['C1', 'C2']);
      expect(store.outboxRows({ status: 'pending', changeSetId: 'cs1' })).toEqual([]);
      expect(store.outboxRows({ status: 'pending' })).toHaveLength(2);
      expect(store.pendingCount()).toBe(2);
    });

    it('says an event id is new only the first time, and trims ids older than the window', () => {
      const t = Date.now();
      expect(store.markEventSeen('Ev1')).toBe(true);
      expect(store.markEventSeen('Ev1')).toBe(false);
      store.markEventSeen('old', t - 10_000);
      store.markEventSeen('new', t - 1_000);
      expect(store.trimEvents(5_000, t)).toBe(1);
      expect(store.markEventSeen('old', t)).toBe(true);
      expect(store.markEventSeen('new', t)).toBe(false);
    });

    it('stores, replaces and lists recent App Home users', () => {
      const t = Date.now();
      expect(store.getHomePrefs('U1')).toBeUndefined();
      store.setHomePrefs('U1', '{"tab":"all"}', t - 10_000);
      store.setHomePrefs('U2', '{}', t - 1_000);
      store.setHomePrefs('U1', '{"tab":"beta"}', t);
      expect(store.getHomePrefs('U1')).toEqual({ userId: 'U1', prefsJson: '{"tab":"beta"}', openedAt: t });
      expect(store.recentHomeUsers(t - 5_000)).toEqual(['U1', 'U2']);
      expect(store.recentHomeUsers(t + 1)).toEqual([]);
      store.setHomePrefs('U3', '{}');
      expect(store.getHomePrefs('U3')?.openedAt).toBeGreaterThanOrEqual(t);
    });

    it('keeps small key/value meta, replacing on set', () => {
      expect(store.getMeta('last_announcement')).toBeUndefined();
      store.setMeta('last_announcement', '1');
      store.setMeta('last_announcement', '2');
      expect(store.getMeta('last_announcement')).toBe('2');
    });
  });
}
