import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SubscriptionFilter } from '../../../src/registry/subscription-filter.js';
import type { ChangeSetCommit, OutboxRow, Store, WorkspaceRef } from '../../../src/store/store.js';
import { realRegistry } from '../../harness/registry-fixtures.js';

/** How a dialect's suite gets stores: fresh and empty, and more handles on the same database. */
export interface StoreFactory {
  /** Once per file (a PostgreSQL database, say). */
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
  /** An empty store for one test. */
  fresh(): Promise<Store>;
  /** Another handle on the database the last fresh() opened (another process, another replica). */
  another(): Promise<Store>;
}

const N = expect.any(Number);
const A: WorkspaceRef = { teamId: 'T0AAA' };
const B: WorkspaceRef = { teamId: 'T0BBB', enterpriseId: 'E0ORG' };
const FEATURE: SubscriptionFilter = { kind: 'feature', featureId: 'circuit-breaking' };
const REGISTRY = realRegistry();
const PAYLOAD = { text: 'OSM feature lifecycle update: x', blocks: [{ type: 'section', block_id: 'b1' }] };
const LEASE = 30_000;

/** A change-set with a notice for each [workspace, channel]. */
function changeSet(
  id: string,
  targets: [WorkspaceRef, string][],
  expectedHash: string | null,
  hash = `hash-${id}`,
): ChangeSetCommit {
  return {
    changeSetId: id,
    expectedHash,
    snapshot: { hash, registry: REGISTRY },
    notices: targets.map(([workspace, channelId]) => ({ workspace, channelId, payload: PAYLOAD })),
  };
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

/** The behaviour every Store must have, run once per dialect. */
export function runStoreContract(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    const extra: Store[] = [];
    beforeAll(async () => factory.setup?.());
    afterAll(async () => factory.teardown?.());
    beforeEach(async () => {
      store = await factory.fresh();
    });
    afterEach(async () => {
      for (const s of extra.splice(0)) await s.close();
      await store.close();
    });
    const another = async (): Promise<Store> => {
      const s = await factory.another();
      extra.push(s);
      return s;
    };
    const add = (
      ws: WorkspaceRef,
      channelId: string,
      filter: SubscriptionFilter = FEATURE,
      createdBy = 'U1',
    ) => store.subscriptions.add(ws, { channelId, filter, createdBy });
    /** Queues one change-set on top of whatever is committed. */
    const queue = async (id: string, targets: [WorkspaceRef, string][]) => {
      const current = (await store.announcements.currentHash()) ?? null;
      expect(await store.announcements.commit(changeSet(id, targets, current))).toMatchObject({
        kind: 'committed',
      });
      return store.outbox.rows({ changeSetId: id });
    };

    describe('subscriptions', () => {
      it('adds and round-trips every field, scoped to the workspace', async () => {
        const before = Date.now();
        const { subscription, created } = await add(B, 'C1');
        expect(created).toBe(true);
        expect(subscription).toEqual({
          id: N,
          workspace: B,
          channelId: 'C1',
          filter: FEATURE,
          createdBy: 'U1',
          createdAt: N,
          active: true,
          source: 'command',
          schedule: 'immediately',
        });
        expect(subscription.createdAt).toBeGreaterThanOrEqual(before - 1_000);
        expect(await store.subscriptions.list(B, { channelId: 'C1' })).toEqual([subscription]);
        expect(await store.subscriptions.list(A)).toEqual([]);
      });

      it('is idempotent per workspace, channel and filter, whatever the key order', async () => {
        const first = await add(A, 'C1');
        const reordered = { featureId: 'circuit-breaking', kind: 'feature' } as SubscriptionFilter;
        expect(await add(A, 'C1', reordered, 'U2')).toEqual({
          subscription: first.subscription,
          created: false,
        });
        // The same channel id and filter in another workspace is another subscription.
        expect((await add(B, 'C1')).created).toBe(true);
        expect(await store.subscriptions.list(A)).toHaveLength(1);
        expect(await store.subscriptions.listActive()).toHaveLength(2);
      });

      it('stores every filter kind and the source', async () => {
        const filters: SubscriptionFilter[] = [
          { kind: 'all' },
          FEATURE,
          { kind: 'category', categoryId: 'traffic' },
          { kind: 'state', state: 'Beta' },
          { kind: 'promotions' },
          { kind: 'removals' },
        ];
        for (const filter of filters) await add(A, 'C1', filter);
        await store.subscriptions.add(A, {
          channelId: 'C2',
          filter: FEATURE,
          createdBy: 'U1',
          source: 'config',
        });
        expect((await store.subscriptions.list(A, { channelId: 'C1' })).map((s) => s.filter)).toEqual(
          filters,
        );
        expect(await store.subscriptions.list(A, { channelId: 'C2' })).toMatchObject([{ source: 'config' }]);
      });

      it('rejects an invalid filter and writes nothing', async () => {
        await expect(add(A, 'C1', { kind: 'feature', featureId: '' } as SubscriptionFilter)).rejects.toThrow(
          /filter/,
        );
        await expect(
          store.subscriptions.remove(A, 'C1', { kind: 'nope' } as unknown as SubscriptionFilter),
        ).rejects.toThrow();
        expect(await store.subscriptions.listActive()).toEqual([]);
      });

      it('removes one filter, or all of a channel, only in its workspace', async () => {
        await add(A, 'C1');
        await add(A, 'C1', { kind: 'all' });
        await add(B, 'C1', { kind: 'all' });
        expect(await store.subscriptions.remove(A, 'C1', { kind: 'removals' })).toBe(0);
        expect(await store.subscriptions.remove(A, 'C1', FEATURE)).toBe(1);
        expect(await store.subscriptions.remove(A, 'C1')).toBe(1);
        expect(await store.subscriptions.list(B, { channelId: 'C1' })).toHaveLength(1);
      });

      it('two handles adding the same subscriptions at once (replicas starting together): one each, no error', async () => {
        const other = await another();
        const channels = Array.from({ length: 30 }, (_, i) => `C${i}`);
        const results = await Promise.all(
          channels.flatMap((channelId) =>
            [store, other].map((s) =>
              s.subscriptions.add(A, { channelId, filter: FEATURE, createdBy: 'U1' }),
            ),
          ),
        );
        expect(results.filter((r) => r.created)).toHaveLength(channels.length);
        expect(await store.subscriptions.list(A)).toHaveLength(channels.length);
      });

      it('deactivates a channel; re-adding reactivates the same subscription', async () => {
        const { subscription } = await add(A, 'C1');
        await add(B, 'C1');
        expect(await store.subscriptions.deactivateChannel(A, 'C1', 'channel_not_found')).toBe(1);
        expect(await store.subscriptions.deactivateChannel(A, 'C1', 'again')).toBe(0);
        expect(await store.subscriptions.list(A)).toEqual([]);
        expect(await store.subscriptions.list(A, { includeInactive: true })).toMatchObject([
          { active: false, deactivatedReason: 'channel_not_found' },
        ]);
        expect((await store.subscriptions.listActive()).map((s) => s.workspace.teamId)).toEqual([B.teamId]);
        const again = await add(A, 'C1', FEATURE, 'U9');
        expect(again).toEqual({ subscription, created: false });
      });
    });

    describe('announcements', () => {
      it('has no snapshot at first, then the committed one, with its registry', async () => {
        expect(await store.announcements.current()).toBeUndefined();
        expect(await store.announcements.currentHash()).toBeUndefined();
        expect(await store.announcements.commit(changeSet('cs1', [], null))).toEqual({
          kind: 'committed',
          queued: 0,
        });
        const snapshot = await store.announcements.current();
        expect(snapshot).toMatchObject({ hash: 'hash-cs1', announcedAt: N });
        expect(snapshot?.registry).toEqual(REGISTRY);
        expect(await store.announcements.currentHash()).toBe('hash-cs1');
      });

      it('commits only on top of the snapshot it was diffed from (compare-and-set); a repeat writes nothing', async () => {
        await store.announcements.commit(changeSet('cs1', [], null));
        expect(await store.announcements.commit(changeSet('cs2', [[A, 'C1']], null))).toEqual({
          kind: 'stale',
          currentHash: 'hash-cs1',
        });
        expect(await store.announcements.commit(changeSet('cs2', [[A, 'C1']], 'hash-cs1'))).toEqual({
          kind: 'committed',
          queued: 1,
        });
        expect(await store.announcements.commit(changeSet('cs2', [[A, 'C1']], 'hash-cs2'))).toEqual({
          kind: 'repeat',
        });
        expect(await store.outbox.rows()).toHaveLength(1);
        expect(await store.announcements.wasCommitted('hash-cs1')).toBe(true);
        expect(await store.announcements.wasCommitted('hash-never')).toBe(false);
      });

      it('keeps the last announcement for the Home tab', async () => {
        expect(await store.announcements.last()).toBeUndefined();
        await store.announcements.commit({
          ...changeSet('cs1', [], null),
          announcement: { at: 5_000, summary: 'Multicluster: Alpha → Beta (promoted)' },
        });
        expect(await store.announcements.last()).toEqual({
          at: 5_000,
          summary: 'Multicluster: Alpha → Beta (promoted)',
        });
      });

      it('is atomic: a notice that breaks a constraint leaves neither snapshot nor rows', async () => {
        const broken = changeSet(
          'cs1',
          [
            [A, 'C1'],
            [A, 'C1'],
          ],
          null,
        );
        await expect(store.announcements.commit(broken)).rejects.toThrow();
        expect(await store.announcements.current()).toBeUndefined();
        expect(await store.outbox.rows()).toEqual([]);
      });

      it('two writers committing from the same snapshot: exactly one wins', async () => {
        await store.announcements.commit(changeSet('cs0', [], null));
        const other = await another();
        const results = await Promise.all([
          store.announcements.commit(changeSet('cs-a', [[A, 'C1']], 'hash-cs0')),
          other.announcements.commit(changeSet('cs-b', [[A, 'C1']], 'hash-cs0')),
        ]);
        expect(results.map((r) => r.kind).sort()).toEqual(['committed', 'stale']);
        expect(await store.outbox.rows()).toHaveLength(1);
      });
    });

    describe('outbox', () => {
      it('queues one pending row per notice, with a delivery id, due now', async () => {
        const before = Date.now();
        const rows = await queue('cs1', [
          [A, 'C1'],
          [B, 'C2'],
        ]);
        expect(rows).toEqual([
          expect.objectContaining({
            changeSetId: 'cs1',
            workspace: A,
            channelId: 'C1',
            deliveryId: 'cs1/T0AAA/C1',
            payload: PAYLOAD,
            status: 'pending',
            attempts: 0,
            transientFailures: 0,
            uncertain: false,
          }),
          expect.objectContaining({ workspace: B, channelId: 'C2', deliveryId: 'cs1/T0BBB/C2' }),
        ]);
        expect(rows[0]?.notBefore).toBeGreaterThanOrEqual(before - 1_000);
        expect(await store.outbox.pending()).toEqual({ count: 2, oldestCreatedAt: N });
      });

      it('claims due rows oldest first under a lease, one per channel, never twice', async () => {
        await queue('cs1', [
          [A, 'C1'],
          [A, 'C2'],
        ]);
        await queue('cs2', [[A, 'C1']]);
        const now = Date.now() + 1_000;
        const first = await store.outbox.claim({ worker: 'w1', leaseMs: LEASE, limit: 10, now });
        expect(first.map((r) => [r.changeSetId, r.channelId])).toEqual([
          ['cs1', 'C1'],
          ['cs1', 'C2'],
        ]);
        expect(first[0]).toMatchObject({
          status: 'sending',
          leaseOwner: 'w1',
          leaseUntil: now + LEASE,
          attempts: 1,
        });
        // C1's second row waits for the first; a second claimer gets nothing.
        expect(await store.outbox.claim({ worker: 'w2', leaseMs: LEASE, limit: 10, now })).toEqual([]);
      });

      it('two claimers at once never get the same row', async () => {
        const targets = Array.from({ length: 40 }, (_, i): [WorkspaceRef, string] => [A, `C${i}`]);
        await queue('cs1', targets);
        const other = await another();
        const now = Date.now() + 1_000;
        const claims = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 ? other : store).outbox.claim({ worker: `w${i}`, leaseMs: LEASE, limit: 7, now }),
          ),
        );
        const ids = claims.flat().map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(40);
      });

      it('respects notBefore, and settles only for the lease holder', async () => {
        const [row] = await queue('cs1', [[A, 'C1']]);
        const t = Date.now() + 1_000;
        const [claimed] = await store.outbox.claim({ worker: 'w1', leaseMs: LEASE, limit: 1, now: t });
        const retry = {
          kind: 'retry',
          error: 'x',
          notBefore: t + 30_000,
          transient: true,
          uncertain: false,
        } as const;
        expect(await store.outbox.settle(must(row).id, 'intruder', retry, {}, t)).toBe(false);
        expect(await store.outbox.settle(must(claimed).id, 'w1', retry, {}, t)).toBe(true);
        expect(await store.outbox.claim({ worker: 'w1', leaseMs: LEASE, limit: 1, now: t + 29_999 })).toEqual(
          [],
        );
        const [again] = await store.outbox.claim({ worker: 'w1', leaseMs: LEASE, limit: 1, now: t + 30_000 });
        expect(again).toMatchObject({ attempts: 2, transientFailures: 1, lastError: 'x', status: 'sending' });
        expect(
          await store.outbox.settle(must(again).id, 'w1', { kind: 'sent', ts: '1.2' }, {}, t + 30_000),
        ).toBe(true);
        expect(
          await store.outbox.settle(must(again).id, 'w1', { kind: 'sent', ts: '1.3' }, {}, t + 30_000),
        ).toBe(false);
        expect(await store.outbox.rows()).toMatchObject([
          { status: 'sent', slackTs: '1.2', outcome: 'posted' },
        ]);
        expect((await store.outbox.pending()).count).toBe(0);
      });

      it('takes over a row whose lease expired, marked uncertain; the old holder can no longer settle it', async () => {
        await queue('cs1', [[A, 'C1']]);
        const t = Date.now() + 1_000;
        const [held] = await store.outbox.claim({ worker: 'dead', leaseMs: 1_000, limit: 1, now: t });
        expect(await store.outbox.claim({ worker: 'w2', leaseMs: LEASE, limit: 1, now: t + 999 })).toEqual(
          [],
        );
        const [taken] = await store.outbox.claim({ worker: 'w2', leaseMs: LEASE, limit: 1, now: t + 1_001 });
        expect(taken).toMatchObject({ id: must(held).id, leaseOwner: 'w2', uncertain: true, attempts: 2 });
        expect(taken?.firstAttemptAt).toBe(t);
        expect(
          await store.outbox.settle(must(held).id, 'dead', { kind: 'sent', ts: '1' }, {}, t + 1_002),
        ).toBe(false);
        const reconciled = { kind: 'sent', ts: '9.9', reconciled: true } as const;
        expect(await store.outbox.settle(must(taken).id, 'w2', reconciled, {}, t + 1_002)).toBe(true);
        expect(await store.outbox.rows()).toMatchObject([
          { status: 'sent', outcome: 'reconciled', uncertain: false },
        ]);
      });

      it('renews the lease of one claim only: not another worker’s, not after a later claim took the row', async () => {
        await queue('cs1', [[A, 'C1']]);
        const t = Date.now() + 1_000;
        const held = must((await store.outbox.claim({ worker: 'w1', leaseMs: 1_000, limit: 1, now: t }))[0]);
        expect(await store.outbox.renew(held, 'intruder', 1_000, t + 500)).toBe(false);
        expect(await store.outbox.renew(held, 'w1', 1_000, t + 900)).toBe(true);
        // Renewed to t + 1,900: nobody may take it at t + 1,500.
        expect(await store.outbox.claim({ worker: 'w2', leaseMs: LEASE, limit: 1, now: t + 1_500 })).toEqual(
          [],
        );
        // The same worker claims it again once the lease passed: the first claim is over.
        const again = must(
          (await store.outbox.claim({ worker: 'w1', leaseMs: 1_000, limit: 1, now: t + 1_901 }))[0],
        );
        expect(again).toMatchObject({ id: held.id, attempts: held.attempts + 1 });
        expect(await store.outbox.renew(held, 'w1', 1_000, t + 2_000)).toBe(false);
        expect(await store.outbox.renew(again, 'w1', 1_000, t + 2_000)).toBe(true);
        const [taken] = await store.outbox.claim({ worker: 'w2', leaseMs: LEASE, limit: 1, now: t + 3_001 });
        expect(taken).toMatchObject({ id: held.id, leaseOwner: 'w2' });
        expect(await store.outbox.renew(again, 'w1', 1_000, t + 3_002)).toBe(false);
      });

      it('shares pacing: a paused channel or workspace is skipped by every claimer until the pause ends', async () => {
        await queue('cs1', [
          [A, 'C1'],
          [A, 'C2'],
          [B, 'C3'],
        ]);
        const t = Date.now() + 1_000;
        const rows = await store.outbox.claim({ worker: 'w1', leaseMs: LEASE, limit: 3, now: t });
        const byChannel = (c: string): OutboxRow => must(rows.find((r) => r.channelId === c));
        const retry = (notBefore: number) =>
          ({ kind: 'retry', error: 'ratelimited', notBefore, transient: false, uncertain: false }) as const;
        await store.outbox.settle(byChannel('C1').id, 'w1', retry(t), { workspaceNotBefore: t + 2_000 }, t);
        await store.outbox.settle(byChannel('C2').id, 'w1', retry(t), {}, t);
        await store.outbox.settle(byChannel('C3').id, 'w1', retry(t), { channelNotBefore: t + 1_000 }, t);
        const other = await another();
        expect(await other.outbox.claim({ worker: 'w2', leaseMs: LEASE, limit: 3, now: t + 500 })).toEqual(
          [],
        );
        const later = await other.outbox.claim({ worker: 'w2', leaseMs: LEASE, limit: 3, now: t + 1_500 });
        expect(later.map((r) => r.channelId)).toEqual(['C3']);
        const last = await other.outbox.claim({ worker: 'w2', leaseMs: LEASE, limit: 3, now: t + 2_500 });
        expect(last.map((r) => r.channelId).sort()).toEqual(['C1', 'C2']);
      });

      it('fails terminally, filters rows, and gives up a workspace’s unsent notices keeping a record', async () => {
        await queue('cs1', [
          [A, 'C1'],
          [A, 'C2'],
          [B, 'C3'],
        ]);
        const t = Date.now() + 1_000;
        const [row] = await store.outbox.claim({ worker: 'w1', leaseMs: LEASE, limit: 1, now: t });
        await store.outbox.settle(must(row).id, 'w1', { kind: 'failed', error: 'is_archived' }, {}, t);
        expect(await store.outbox.rows({ status: 'failed' })).toMatchObject([
          { channelId: 'C1', lastError: 'is_archived' },
        ]);
        expect(await store.outbox.dropPending(A, 'app uninstalled')).toBe(1);
        expect(await store.outbox.rows({ workspace: A })).toMatchObject([
          { status: 'failed', lastError: 'is_archived' },
          { status: 'failed', lastError: 'app uninstalled' },
        ]);
        expect(await store.outbox.rows({ workspace: B, status: 'pending' })).toHaveLength(1);
        expect(await store.outbox.rows({ channelId: 'C3' })).toHaveLength(1);
      });
    });

    describe('delivery log', () => {
      it('keeps each notice’s summary and gives a channel’s last notices, newest first, per workspace', async () => {
        for (const id of ['cs1', 'cs2', 'cs3']) {
          const current = (await store.announcements.currentHash()) ?? null;
          const cs = changeSet(
            id,
            [
              [A, 'C1'],
              [B, 'C1'],
            ],
            current,
          );
          cs.notices = cs.notices.map((n) => ({ ...n, summary: `summary of ${id}` }));
          await store.announcements.commit(cs);
        }
        const recent = await store.outbox.recent(A, 'C1', 2);
        expect(recent.map((r) => [r.changeSetId, r.summary, r.workspace])).toEqual([
          ['cs3', 'summary of cs3', A],
          ['cs2', 'summary of cs2', A],
        ]);
        expect(await store.outbox.recent(A, 'C9', 10)).toEqual([]);
        await queue('cs4', [[A, 'C1']]);
        expect((await store.outbox.recent(A, 'C1', 1))[0]).not.toHaveProperty('summary');
      });

      it('tallies a workspace’s notices sent and failed since a time, and those pending', async () => {
        await queue('cs1', [
          [A, 'C1'],
          [A, 'C2'],
          [A, 'C3'],
          [B, 'C4'],
        ]);
        const t = Date.now() + 1_000;
        const claimed = await store.outbox.claim({ worker: 'w1', leaseMs: LEASE, limit: 10, now: t });
        const byChannel = (c: string) => must(claimed.find((r) => r.channelId === c)).id;
        await store.outbox.settle(byChannel('C1'), 'w1', { kind: 'sent', ts: '1.1' }, {}, t);
        await store.outbox.settle(byChannel('C2'), 'w1', { kind: 'failed', error: 'not_in_channel' }, {}, t);
        await store.outbox.settle(byChannel('C4'), 'w1', { kind: 'sent', ts: '1.2' }, {}, t);
        expect(await store.outbox.tally(A, t - 10)).toEqual({ sent: 1, failed: 1, pending: 1 });
        expect(await store.outbox.tally(A, t + 10)).toEqual({ sent: 0, failed: 0, pending: 1 });
        expect(await store.outbox.tally(B, t - 10)).toEqual({ sent: 1, failed: 0, pending: 0 });
      });
    });

    describe('mutes', () => {
      const T = 1_800_000_000_000;
      const catchUp = (id: string) => ({
        changeSetId: id,
        snapshotHash: 'hash-now',
        payload: PAYLOAD,
        summary: 'what changed meanwhile',
      });

      it('mutes a channel, lists it as active until it ends, and keeps its start and baseline when extended', async () => {
        expect(
          await store.mutes.mute(A, 'C1', { until: T + 100, mutedBy: 'U1', baseline: REGISTRY }, T),
        ).toEqual({
          extended: false,
        });
        expect(await store.mutes.get(A, 'C1')).toEqual({
          workspace: A,
          channelId: 'C1',
          mutedBy: 'U1',
          mutedAt: T,
          until: T + 100,
          baseline: REGISTRY,
        });
        expect(await store.mutes.get(B, 'C1')).toBeUndefined();
        expect(
          await store.mutes.mute(A, 'C1', { until: T + 500, mutedBy: 'U2', baseline: REGISTRY }, T + 50),
        ).toEqual({
          extended: true,
        });
        expect(await store.mutes.get(A, 'C1')).toMatchObject({ mutedAt: T, until: T + 500, mutedBy: 'U2' });
        await store.mutes.mute(B, 'C2', { until: T + 200, mutedBy: 'U9', baseline: REGISTRY }, T);
        expect(await store.mutes.active(T + 150)).toEqual([
          { workspace: A, channelId: 'C1' },
          { workspace: B, channelId: 'C2' },
        ]);
        expect(await store.mutes.active(T + 300)).toEqual([{ workspace: A, channelId: 'C1' }]);
        expect((await store.mutes.ended(10, T + 300)).map((m) => m.channelId)).toEqual(['C2']);
      });

      it('holds a muted channel’s notices back from claims until the mute ends', async () => {
        const now = Date.now();
        await store.mutes.mute(
          A,
          'C1',
          { until: now + 60_000, mutedBy: 'U1', baseline: REGISTRY },
          now - 1_000,
        );
        await queue('cs1', [
          [A, 'C1'],
          [A, 'C2'],
        ]);
        const claimed = await store.outbox.claim({
          worker: 'w1',
          leaseMs: LEASE,
          limit: 10,
          now: now + 1_000,
        });
        expect(claimed.map((r) => r.channelId)).toEqual(['C2']);
        expect(await store.mutes.unmute(A, 'C1', now + 2_000)).toBe(true);
        expect(await store.mutes.unmute(A, 'C1', now + 2_000)).toBe(false);
      });

      it('finishes an ended mute once, queueing its one catch-up notice; a second finisher writes nothing', async () => {
        await store.mutes.mute(A, 'C1', { until: T + 100, mutedBy: 'U1', baseline: REGISTRY }, T);
        const [ended] = await store.mutes.ended(10, T + 100);
        const other = await another();
        const results = await Promise.all([
          store.mutes.finish(must(ended), catchUp('mute-1'), T + 101),
          other.mutes.finish(must(ended), catchUp('mute-1'), T + 101),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.outbox.rows({ workspace: A, channelId: 'C1' })).toMatchObject([
          { changeSetId: 'mute-1', status: 'pending', payload: PAYLOAD, summary: 'what changed meanwhile' },
        ]);
        expect(await store.mutes.get(A, 'C1')).toBeUndefined();
        // Nothing changed meanwhile: the mute is closed and nothing is queued.
        await store.mutes.mute(A, 'C2', { until: T + 100, mutedBy: 'U1', baseline: REGISTRY }, T);
        const [quiet] = await store.mutes.ended(10, T + 100);
        expect(await store.mutes.finish(must(quiet), undefined, T + 101)).toBe(true);
        expect(await store.outbox.rows({ channelId: 'C2' })).toEqual([]);
      });

      it('does not finish a mute that was extended or restarted meanwhile', async () => {
        await store.mutes.mute(A, 'C1', { until: T + 100, mutedBy: 'U1', baseline: REGISTRY }, T);
        const [ended] = await store.mutes.ended(10, T + 100);
        await store.mutes.mute(A, 'C1', { until: T + 900, mutedBy: 'U1', baseline: REGISTRY }, T + 100);
        expect(await store.mutes.finish(must(ended), catchUp('mute-1'), T + 101)).toBe(false);
        expect(await store.outbox.rows({ channelId: 'C1' })).toEqual([]);
        expect(await store.mutes.get(A, 'C1')).toMatchObject({ mutedAt: T, until: T + 900 });
      });
    });

    describe('digests', () => {
      const T = 1_800_000_000_000;
      const notice = (id: string) => ({
        changeSetId: id,
        snapshotHash: 'h',
        payload: PAYLOAD,
        summary: 'digest',
      });

      it('keeps a subscription’s schedule, changed by subscribing again with another', async () => {
        const { subscription } = await store.subscriptions.add(A, {
          channelId: 'C1',
          filter: FEATURE,
          createdBy: 'U1',
          schedule: 'daily',
        });
        expect(subscription.schedule).toBe('daily');
        expect((await add(A, 'C1')).subscription.schedule).toBe('daily');
        const again = await store.subscriptions.add(A, {
          channelId: 'C1',
          filter: FEATURE,
          createdBy: 'U1',
          schedule: 'weekly',
        });
        expect(again).toMatchObject({ created: false, subscription: { schedule: 'weekly' } });
        expect((await add(B, 'C2')).subscription.schedule).toBe('immediately');
      });

      it('plans digests, gives the due ones, and moves one on once, queueing its notice', async () => {
        const { subscription } = await store.subscriptions.add(A, {
          channelId: 'C1',
          filter: FEATURE,
          createdBy: 'U1',
          schedule: 'daily',
        });
        await store.digests.plan(subscription, { tz: 'Asia/Tokyo', nextAt: T, baseline: REGISTRY });
        expect(await store.digests.due(10, T - 1)).toEqual([]);
        const [due] = await store.digests.due(10, T);
        expect(due).toEqual({ subscription, tz: 'Asia/Tokyo', nextAt: T, baseline: REGISTRY });
        const other = await another();
        const next = { nextAt: T + 86_400_000, baseline: REGISTRY };
        const moved = await Promise.all([
          store.digests.advance(subscription.id, T, next, notice('digest-1'), T + 5),
          other.digests.advance(subscription.id, T, next, notice('digest-1'), T + 5),
        ]);
        expect(moved.filter(Boolean)).toHaveLength(1);
        expect(await store.outbox.rows({ channelId: 'C1' })).toMatchObject([
          { changeSetId: 'digest-1', summary: 'digest', workspace: A },
        ]);
        expect(await store.digests.get(subscription.id)).toMatchObject({ nextAt: T + 86_400_000 });
        expect(await store.digests.due(10, T + 10)).toEqual([]);
        // Removing the subscription removes its digests; dropping forgets them.
        await store.subscriptions.remove(A, 'C1');
        expect(await store.digests.get(subscription.id)).toBeUndefined();
        const b = (
          await store.subscriptions.add(B, {
            channelId: 'C2',
            filter: FEATURE,
            createdBy: 'U1',
            schedule: 'weekly',
          })
        ).subscription;
        await store.digests.plan(b, { tz: 'UTC', nextAt: T, baseline: REGISTRY });
        await store.digests.drop(b.id);
        expect(await store.digests.due(10, T)).toEqual([]);
      });
    });

    describe('settings', () => {
      it('sets a workspace setting, records who changed it and what it was, and reads it back', async () => {
        expect(await store.settings.list(A)).toEqual([]);
        expect(
          await store.settings.set(A, { name: 'subscribe-policy', value: 'admins', changedBy: 'U1' }),
        ).toEqual({ changed: true });
        expect(
          await store.settings.set(A, { name: 'subscribe-policy', value: 'anyone', changedBy: 'U2' }),
        ).toEqual({ changed: true, previous: 'admins' });
        // The value it already has: nothing recorded.
        expect(
          await store.settings.set(A, { name: 'subscribe-policy', value: 'anyone', changedBy: 'U3' }),
        ).toEqual({ changed: false, previous: 'anyone' });
        expect(await store.settings.list(A)).toEqual([
          { name: 'subscribe-policy', value: 'anyone', changedBy: 'U2', changedAt: N },
        ]);
        expect(await store.settings.changes(A, { limit: 10 })).toEqual([
          {
            id: N,
            name: 'subscribe-policy',
            oldValue: 'admins',
            value: 'anyone',
            changedBy: 'U2',
            changedAt: N,
          },
          { id: N, name: 'subscribe-policy', value: 'admins', changedBy: 'U1', changedAt: N },
        ]);
        expect(await store.settings.changes(A, { limit: 1 })).toHaveLength(1);
      });

      it('keeps workspaces and channels apart', async () => {
        await store.settings.set(A, { name: 'subscribe-policy', value: 'admins', changedBy: 'U1' });
        await store.settings.set(A, { channelId: 'C1', name: 'format', value: 'compact', changedBy: 'U1' });
        await store.settings.set(B, { name: 'subscribe-policy', value: 'channel-creator', changedBy: 'U9' });
        expect((await store.settings.list(A)).map((s) => [s.name, s.value])).toEqual([
          ['subscribe-policy', 'admins'],
        ]);
        expect(await store.settings.list(A, { channelId: 'C1' })).toMatchObject([
          { name: 'format', value: 'compact' },
        ]);
        expect(await store.settings.list(A, { channelId: 'C2' })).toEqual([]);
        expect(await store.settings.list(B)).toMatchObject([{ value: 'channel-creator', changedBy: 'U9' }]);
        expect(await store.settings.changes(A, { channelId: 'C1', limit: 5 })).toMatchObject([
          { channelId: 'C1', name: 'format', value: 'compact' },
        ]);
        expect(await store.settings.changes(A, { name: 'format', limit: 5 })).toEqual([]);
        expect(await store.settings.channelsWith('format')).toEqual([
          { workspace: { teamId: A.teamId }, channelId: 'C1', value: 'compact' },
        ]);
        expect(await store.settings.channelsWith('subscribe-policy')).toEqual([]);
        expect(await (await another()).settings.list(B)).toHaveLength(1);
      });
    });

    describe('events, Home and leases', () => {
      it('says an event id is new only the first time in its workspace, and trims old ids', async () => {
        const t = Date.now();
        expect(await store.events.firstSeen(A, 'Ev1', t)).toBe(true);
        expect(await store.events.firstSeen(A, 'Ev1', t)).toBe(false);
        expect(await store.events.firstSeen(B, 'Ev1', t)).toBe(true);
        const other = await another();
        expect(await other.events.firstSeen(A, 'Ev1', t)).toBe(false);
        expect(await store.events.trim(1_000, t + 2_000)).toBe(2);
        expect(await store.events.firstSeen(A, 'Ev1', t + 2_000)).toBe(true);
      });

      it('stores Home filters per workspace and user, and lists recent users of every workspace', async () => {
        await store.homes.set(A, 'U1', { state: 'Beta' }, 1_000);
        await store.homes.set(B, 'U1', { category: 'security', query: 'vault' }, 2_000);
        await store.homes.set(A, 'U2', {}, 500);
        expect(await store.homes.get(A, 'U1')).toEqual({ prefs: { state: 'Beta' }, openedAt: 1_000 });
        expect(await store.homes.get(B, 'U1')).toEqual({
          prefs: { category: 'security', query: 'vault' },
          openedAt: 2_000,
        });
        expect(await store.homes.get(A, 'U9')).toBeUndefined();
        await store.homes.set(A, 'U1', {}, 3_000);
        expect(await store.homes.recent(900)).toEqual([
          { workspace: A, userId: 'U1' },
          { workspace: B, userId: 'U1' },
        ]);
      });

      it('gives a lease to one owner at a time, renews it for that owner, and frees it on expiry or release', async () => {
        const t = Date.now();
        const other = await another();
        const both = await Promise.all([
          store.leases.acquire('announcer', 'r1', 1_000, t),
          other.leases.acquire('announcer', 'r2', 1_000, t),
        ]);
        expect(both.filter(Boolean)).toHaveLength(1);
        const holder = both[0] ? 'r1' : 'r2';
        const loser = both[0] ? 'r2' : 'r1';
        expect(await store.leases.acquire('announcer', holder, 1_000, t + 500)).toBe(true);
        expect(await store.leases.acquire('announcer', loser, 1_000, t + 1_000)).toBe(false);
        expect(await store.leases.acquire('announcer', loser, 1_000, t + 1_501)).toBe(true);
        await store.leases.release('announcer', loser);
        expect(await store.leases.acquire('announcer', holder, 1_000, t + 1_502)).toBe(true);
      });

      it("pauses a workspace's subscriptions on uninstall and resumes only those on re-install", async () => {
        await add(A, 'C1');
        await add(A, 'C2', { kind: 'all' });
        await add(B, 'C1');
        expect(await store.subscriptions.deactivateChannel(A, 'C2', 'channel archived')).toBe(1);
        expect(await store.subscriptions.deactivateWorkspace(A, 'app uninstalled')).toBe(1);
        expect((await store.subscriptions.listActive()).map((s) => s.workspace)).toEqual([B]);
        expect(await store.subscriptions.pausedWorkspaces('app uninstalled')).toEqual([A]);
        expect(await store.subscriptions.reactivateWorkspace(A, 'app uninstalled')).toBe(1);
        expect(await store.subscriptions.pausedWorkspaces('app uninstalled')).toEqual([]);
        const active = await store.subscriptions.list(A);
        expect(active.map((s) => s.channelId)).toEqual(['C1']);
      });

      it('keeps installations keyed by workspace or organisation, and an uninstall as an inactive record', async () => {
        const row = {
          key: 'T:T0AAA',
          teamId: 'T0AAA',
          isEnterpriseInstall: false,
          keyId: 'k1',
          dataEnc: 'v1:k1:x',
        };
        await store.installations.save({ ...row, botUserId: 'UBOT', tokenExpiresAt: 9_000 }, 1_000);
        await store.installations.save(
          {
            key: 'E:E0ORG',
            enterpriseId: 'E0ORG',
            isEnterpriseInstall: true,
            keyId: 'k1',
            dataEnc: 'v1:k1:y',
          },
          1_500,
        );
        expect(await store.installations.get('T:T0AAA')).toEqual({
          ...row,
          botUserId: 'UBOT',
          tokenExpiresAt: 9_000,
          active: true,
          installedAt: 1_000,
          updatedAt: 1_000,
        });
        const other = await another();
        expect(await other.installations.deactivate('T:T0AAA', 2_000)).toBe(true);
        expect(await other.installations.deactivate('T:T0AAA', 2_100)).toBe(false);
        expect(await store.installations.get('T:T0AAA')).toMatchObject({
          active: false,
          uninstalledAt: 2_000,
        });
        expect((await store.installations.listActive()).map((r) => r.key)).toEqual(['E:E0ORG']);
        await store.installations.save({ ...row, dataEnc: 'v1:k1:z' }, 3_000);
        const again = must(await store.installations.get('T:T0AAA'));
        expect(again).toMatchObject({
          active: true,
          installedAt: 3_000,
          updatedAt: 3_000,
          dataEnc: 'v1:k1:z',
        });
        expect(again.uninstalledAt).toBeUndefined();
        expect(again.botUserId).toBeUndefined();
        expect(await store.installations.get('T:T0NONE')).toBeUndefined();
      });

      it('replaces a refreshed token only while installed, keeping when it was installed', async () => {
        const row = {
          key: 'T:T0AAA',
          teamId: 'T0AAA',
          isEnterpriseInstall: false,
          keyId: 'k1',
          dataEnc: 'old',
        };
        await store.installations.save(row, 1_000);
        const refreshed = { keyId: 'k2', dataEnc: 'new', tokenExpiresAt: 50_000 };
        expect(await store.installations.updateTokens('T:T0AAA', refreshed, 2_000)).toBe(true);
        expect(await store.installations.get('T:T0AAA')).toMatchObject({
          ...refreshed,
          installedAt: 1_000,
          updatedAt: 2_000,
        });
        await store.installations.deactivate('T:T0AAA', 3_000);
        expect(
          await store.installations.updateTokens('T:T0AAA', { keyId: 'k2', dataEnc: 'late' }, 4_000),
        ).toBe(false);
        expect(await store.installations.get('T:T0AAA')).toMatchObject({ active: false, dataEnc: 'new' });
        expect(await store.installations.updateTokens('T:T0NONE', refreshed)).toBe(false);
      });

      it('accepts an OAuth state once, from any handle, and never after it expired', async () => {
        await store.oauthStates.issue('s1', '{"scopes":["commands"]}', 10_000, 1_000);
        await store.oauthStates.issue('s2', '{}', 5_000, 1_000);
        const other = await another();
        const both = await Promise.all([
          store.oauthStates.consume('s1', 2_000),
          other.oauthStates.consume('s1', 2_000),
        ]);
        expect(both.filter((v) => v !== undefined)).toEqual(['{"scopes":["commands"]}']);
        expect(await store.oauthStates.consume('s1', 2_000)).toBeUndefined();
        expect(await store.oauthStates.consume('s2', 5_000)).toBeUndefined();
        expect(await store.oauthStates.consume('nope', 2_000)).toBeUndefined();
        await store.oauthStates.issue('s3', '{}', 30_000, 20_000);
        expect(await store.oauthStates.consume('s3', 20_001)).toBe('{}');
      });

      it('answers a ping', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });
  });
}
