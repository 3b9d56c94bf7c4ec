import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { BudgetPolicy, SendBudgetStore, WorkspaceRef } from '../store/store.js';

/** How long to wait before asking a store that failed again. */
const STORE_RETRY_MS = 1_000;
/**
 * How far ahead of a slot's freeing the store is asked for it. The slot is granted as of the moment it frees
 * and handed over then, so the store's round trip is not added to every slot's cycle (a post, then a window).
 */
const LOOKAHEAD_MS = 50;
/** Slots asked for in one go, at most. */
const MAX_BATCH = 10;

interface Waiter {
  resolve: (id: string | undefined) => void;
}

/**
 * This replica's queue for one workspace's shared send slots. Rows wait here in order, and one request at a
 * time asks the store for as many slots as rows are waiting: slots that free up together (a window after a
 * burst) are taken together, in one transaction, however many rows wait. A refusal's retry time holds the
 * whole queue, and the next request is made a little before it, for slots from that time on.
 */
export class SendGate {
  private readonly waiting: Waiter[] = [];
  private pumping = false;
  private notBefore = 0;
  private failing = false;

  constructor(
    private readonly store: SendBudgetStore,
    private readonly ws: WorkspaceRef,
    private readonly policy: BudgetPolicy,
    private readonly deps: {
      now: () => number;
      /** Resolves at `t`, or early when the sender stops. */
      sleepUntil: (t: number) => Promise<void>;
      stopping: AbortSignal;
      log: Logger;
    },
  ) {}

  /** A slot id once the workspace has room; undefined when the sender stops first. */
  take(): Promise<string | undefined> {
    if (this.deps.stopping.aborted) return Promise.resolve(undefined);
    const slot = new Promise<string | undefined>((resolve) => this.waiting.push({ resolve }));
    if (!this.pumping) {
      this.pumping = true;
      void this.pump();
    }
    return slot;
  }

  /** The post ended (delivered or not). Never throws: an unreleased slot frees itself after holdMs. */
  async release(id: string, delivered: boolean): Promise<void> {
    try {
      await this.store.release(this.ws, id, delivered, this.policy, this.deps.now());
    } catch (err) {
      this.deps.log.warn(
        { err, team: this.ws.teamId },
        'could not free a send slot; it frees itself shortly',
      );
    }
  }

  /** A 429: every replica's posts to the workspace pause until `until`. Never throws. */
  async rateLimited(until: number): Promise<void> {
    this.notBefore = Math.max(this.notBefore, until);
    try {
      await this.store.rateLimited(this.ws, until, this.policy, this.deps.now());
    } catch (err) {
      this.deps.log.warn({ err, team: this.ws.teamId }, 'could not share a 429 pause with other replicas');
    }
  }

  /**
   * Serves the queue until it is empty. The flag drops in the same step as the last look at the queue, so a
   * row that queues after it starts the next pump.
   */
  private async pump(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        if (this.deps.stopping.aborted) {
          for (const w of this.waiting.splice(0)) w.resolve(undefined);
          return;
        }
        await this.serveOnce();
      }
    } finally {
      this.pumping = false;
    }
  }

  /** One step: wait for the queue's time, or ask the store for slots for the rows at its head. */
  private async serveOnce(): Promise<void> {
    const now = this.deps.now();
    const at = Math.max(now, this.notBefore);
    if (at - now > LOOKAHEAD_MS) {
      await this.deps.sleepUntil(at - LOOKAHEAD_MS);
      return;
    }
    const ids = this.waiting.slice(0, MAX_BATCH).map(() => randomUUID());
    try {
      const grant = await this.store.take(this.ws, ids, this.policy, at);
      this.failing = false;
      // Never earlier than a 429's pause that came in while the store was asked.
      if (grant.retryAt !== undefined) this.notBefore = Math.max(this.notBefore, grant.retryAt);
      if (grant.granted > 0) await this.hand(ids.slice(0, grant.granted), at);
    } catch (err) {
      if (!this.failing) {
        this.failing = true;
        this.deps.log.warn(
          { err, team: this.ws.teamId },
          'the store did not answer for a send slot; notices wait and ask again',
        );
      }
      this.notBefore = this.deps.now() + STORE_RETRY_MS;
    }
  }

  /** Hands slots granted from `at` to the first waiters, once `at` has come. */
  private async hand(ids: string[], at: number): Promise<void> {
    if (at > this.deps.now()) await this.deps.sleepUntil(at);
    const waiters = this.waiting.splice(0, ids.length);
    if (this.deps.stopping.aborted) {
      for (const w of waiters) w.resolve(undefined);
      await Promise.all(ids.map((id) => this.release(id, false)));
      return;
    }
    for (const [i, w] of waiters.entries()) w.resolve(ids[i]);
  }
}
