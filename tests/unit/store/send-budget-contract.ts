import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BudgetPolicy, Store, WorkspaceRef } from '../../../src/store/store.js';
import type { StoreFactory } from './store-contract.js';

const A: WorkspaceRef = { teamId: 'T0AAA' };
const B: WorkspaceRef = { teamId: 'T0BBB' };
const POLICY: BudgetPolicy = {
  windowMs: 1000,
  marginMs: 5,
  forgetAfterMs: 60_000,
  recheckMs: 50,
  holdMs: 15_000,
  probeInFlight: 10,
  minBudget: 2,
};

/** The shared send ledger's behaviour, run once per dialect, with two handles as two replicas. */
export function runSendBudgetContract(name: string, factory: StoreFactory): void {
  describe(`Send budget contract: ${name}`, () => {
    let store: Store;
    let other: Store;
    let n = 0;
    beforeAll(async () => factory.setup?.());
    afterAll(async () => factory.teardown?.());
    beforeEach(async () => {
      store = await factory.fresh();
      other = await factory.another();
    });
    afterEach(async () => {
      await other.close();
      await store.close();
    });
    const id = (): string => `slot-${++n}`;
    /** Takes a slot at `now` through `on`; the slot id when granted. */
    const take = async (now: number, on: Store = store, ws: WorkspaceRef = A) => {
      const slot = id();
      const decision = await on.sendBudget.take(ws, [slot], POLICY, now);
      return { slot, decision };
    };
    /** `count` posts that start at `start` and are delivered at `end`. */
    const delivered = async (count: number, start: number, end: number, ws: WorkspaceRef = A) => {
      const slots: string[] = [];
      for (let i = 0; i < count; i++) {
        const { slot, decision } = await take(start, store, ws);
        expect(decision).toEqual({ granted: 1 });
        slots.push(slot);
      }
      for (const slot of slots) await store.sendBudget.release(ws, slot, true, POLICY, end);
    };

    it('while no budget is known, grants any number of posts in turn, at most probeInFlight at once on all replicas', async () => {
      for (let i = 0; i < 120; i++) {
        const { slot, decision } = await take(10_000 + i, i % 2 === 0 ? store : other);
        expect(decision).toEqual({ granted: 1 });
        await store.sendBudget.release(A, slot, true, POLICY, 10_000 + i);
      }
      const out = await store.sendBudget.take(A, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'], POLICY, 10_200);
      expect(out).toEqual({ granted: 6 });
      expect(await other.sendBudget.take(A, ['p7', 'p8', 'p9', 'p10', 'p11'], POLICY, 10_200)).toEqual({
        granted: 4,
        retryAt: 10_250,
      });
      await store.sendBudget.release(A, 'p1', true, POLICY, 10_210);
      expect(await other.sendBudget.take(A, ['p11'], POLICY, 10_220)).toEqual({ granted: 1 });
      expect(await store.sendBudget.budget(A, POLICY, 10_220)).toBeUndefined();
    });

    it("a 429 on one replica pauses the workspace's posts on every replica, and no other workspace", async () => {
      await store.sendBudget.rateLimited(A, 12_000, POLICY, 10_000);
      expect((await take(10_500, other)).decision).toEqual({ granted: 0, retryAt: 12_000 });
      expect((await take(10_500, other, B)).decision).toEqual({ granted: 1 });
      expect((await take(12_000, other)).decision).toEqual({ granted: 1 });
    });

    it('learns the budget from the posts delivered in the window before the 429, answers that came after it included', async () => {
      await delivered(3, 10_000, 10_010);
      // Two more Slack counted, whose answers come back after the 429 did, and one that failed.
      const late = [await take(10_015), await take(10_016)];
      const failed = await take(10_017);
      for (const t of [...late, failed]) expect(t.decision).toEqual({ granted: 1 });
      await store.sendBudget.rateLimited(A, 11_020, POLICY, 10_020);
      await store.sendBudget.release(A, failed.slot, false, POLICY, 10_021);
      // At 11_020 one answer is still out: nothing is counted until it is in.
      await store.sendBudget.release(A, must(late[0]).slot, true, POLICY, 10_030);
      expect((await take(11_020, other)).decision).toEqual({ granted: 1 });
      expect(await other.sendBudget.budget(A, POLICY, 11_020)).toBeUndefined();
      await store.sendBudget.release(A, must(late[1]).slot, true, POLICY, 11_030);
      expect((await take(11_040, other)).decision).toEqual({ granted: 1 });
      expect(await other.sendBudget.budget(A, POLICY, 11_040)).toBe(5);
    });

    it('holds a slot from its start until a window after it completed, on every replica', async () => {
      await delivered(4, 10_000, 10_010);
      await store.sendBudget.rateLimited(A, 11_020, POLICY, 10_020);
      // Learned at 11_020: 4. The posts of 10_000 stopped counting at 11_015.
      const first = [await take(11_020), await take(11_020, other)];
      const second = [await take(11_021), await take(11_021, other)];
      for (const t of [...first, ...second]) expect(t.decision).toEqual({ granted: 1 });
      // Four in flight: the next one waits for one of them, so it asks again shortly.
      expect((await take(11_030, other)).decision).toEqual({ granted: 0, retryAt: 11_080 });
      await store.sendBudget.release(A, must(first[0]).slot, true, POLICY, 11_040);
      expect((await take(11_050, other)).decision).toEqual({ granted: 0, retryAt: 12_045 });
      // One that was not delivered frees its slot at once.
      await other.sendBudget.release(A, must(first[1]).slot, false, POLICY, 11_060);
      expect((await take(11_060, other)).decision).toEqual({ granted: 1 });
      // At 12_045 the delivered one stops counting: three in flight, one slot free.
      expect((await take(12_045)).decision).toEqual({ granted: 1 });
      expect((await take(12_045, other)).decision).toEqual({ granted: 0, retryAt: 12_095 });
    });

    it('never grants more than the budget to replicas taking at once', async () => {
      await delivered(10, 10_000, 10_010);
      await store.sendBudget.rateLimited(A, 11_020, POLICY, 10_020);
      const decisions = await Promise.all(
        Array.from({ length: 40 }, (_, i) => take(11_100, i % 2 === 0 ? store : other)),
      );
      expect(decisions.filter((d) => d.decision.granted === 1)).toHaveLength(10);
    });

    it('grants a batch as far as the budget goes, in order, and says when the next slot frees', async () => {
      await delivered(4, 10_000, 10_010);
      await store.sendBudget.rateLimited(A, 11_020, POLICY, 10_020);
      const one = await take(11_020);
      await store.sendBudget.release(A, one.slot, true, POLICY, 11_030);
      const ids = ['b1', 'b2', 'b3', 'b4', 'b5'];
      expect(await other.sendBudget.take(A, ids, POLICY, 11_040)).toEqual({ granted: 3, retryAt: 12_035 });
      expect(await store.sendBudget.take(A, ['b6'], POLICY, 11_050)).toEqual({ granted: 0, retryAt: 12_035 });
      for (const slot of ['b1', 'b2', 'b3']) await other.sendBudget.release(A, slot, false, POLICY, 11_060);
      expect(await store.sendBudget.take(A, ['b4', 'b5'], POLICY, 11_060)).toEqual({ granted: 2 });
    });

    it('a 429 with fewer posts in its window than the smallest budget teaches nothing, but pauses all the same', async () => {
      const strict = { ...POLICY, minBudget: 5 };
      await delivered(4, 10_000, 10_010);
      await store.sendBudget.rateLimited(A, 11_020, strict, 10_020);
      expect(await other.sendBudget.take(A, ['s1'], strict, 10_500)).toEqual({ granted: 0, retryAt: 11_020 });
      expect(await other.sendBudget.take(A, ['s2'], strict, 11_020)).toEqual({ granted: 1 });
      expect(await store.sendBudget.budget(A, strict, 11_020)).toBeUndefined();
    });

    it('a slot whose taker died frees itself after holdMs', async () => {
      await delivered(2, 10_000, 10_010);
      await store.sendBudget.rateLimited(A, 11_020, POLICY, 10_020);
      expect((await take(11_020)).decision).toEqual({ granted: 1 });
      expect((await take(11_020)).decision).toEqual({ granted: 1 });
      expect((await take(11_030, other)).decision).toMatchObject({ granted: 0 });
      expect((await take(11_020 + POLICY.holdMs + 1, other)).decision).toEqual({ granted: 1 });
    });

    it('forgets a budget after a quiet minute, and a later 429 learns afresh rather than reviving it', async () => {
      await delivered(3, 10_000, 10_010);
      await store.sendBudget.rateLimited(A, 11_020, POLICY, 10_020);
      await take(11_020);
      expect(await store.sendBudget.budget(A, POLICY, 11_020)).toBe(3);
      const later = 10_020 + POLICY.forgetAfterMs + 1;
      expect(await store.sendBudget.budget(A, POLICY, later)).toBeUndefined();
      await delivered(8, later, later + 10);
      await store.sendBudget.rateLimited(A, later + 1_020, POLICY, later + 20);
      expect(await store.sendBudget.budget(A, POLICY, later + 500)).toBeUndefined();
      await take(later + 1_020);
      expect(await store.sendBudget.budget(A, POLICY, later + 1_020)).toBe(8);
    });
  });
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}
