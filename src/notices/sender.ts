// The outbox sender: claim, pace, reconcile, post, settle. One class because these steps share the leases and
// pacing state of each row in flight; pacing, reconciliation, retry policy and failure handling are their own
// modules.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { setTimeout as sleepFor } from 'node:timers/promises';
import type { OutboxRow, Pacing, Settlement } from '../store/store.js';
import { DueTimer } from './due-timer.js';
import { decideFailure } from './failure-handler.js';
import { SendPacer } from './pacer.js';
import { Reconciler } from './reconcile.js';
import { classifySendError, describeFailure, type SendFailure } from './retry-policy.js';
import { SendGate } from './send-gate.js';
import {
  DEFAULT_SENDER_TUNING,
  NOTICE_EVENT_TYPE,
  type SenderEvent,
  type SenderOptions,
  type SenderTuning,
} from './sender-types.js';

/** A post's permission to start: its channel's turn here, and a workspace slot in the shared ledger. */
interface Slot {
  channelId: string;
  id: string;
  released: boolean;
}

/**
 * Drains the outbox, on any number of replicas at once. Rows are claimed under a lease (one row per channel
 * at a time, channels and workspaces paused by a 429 skipped, in the store, so every replica honours it),
 * posted with chat.postMessage and settled by the lease holder only. A row whose post may have reached Slack
 * without our hearing (a lost answer, a replica killed mid-send) is checked against the channel's history
 * before it is posted again. Each workspace is paced on its own, so workspaces are served in parallel, and
 * its budget is one ledger in the store, so that replicas together pace as one.
 */
export class OutboxSender {
  readonly worker: string;
  private readonly tuning: SenderTuning;
  private readonly pacers = new Map<string, SendPacer>();
  private readonly gates = new Map<string, SendGate>();
  private readonly reconciler: Reconciler;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly tasks = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private readonly unreadable = new Set<string>();
  private idleWaiters: (() => void)[] = [];
  private wakeTimer: NodeJS.Timeout | undefined;
  /** Looks before the next poll: when a row this replica handed back comes due. */
  private readonly due: DueTimer;
  private pumping: Promise<void> | undefined;
  private again = false;
  private stopped: Promise<void> | undefined;

  constructor(private readonly opts: SenderOptions) {
    this.worker = opts.worker ?? `sender-${randomUUID()}`;
    this.tuning = { ...DEFAULT_SENDER_TUNING, ...opts.tuning };
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.reconciler = new Reconciler(opts.slack, this.now, this.tuning.historyCacheMs);
    this.due = new DueTimer(() => this.kick(), this.now, this.tuning.pollMs);
    // Every row waiting for its slot listens for stop; with `concurrency` of them that is by design.
    setMaxListeners(Number.POSITIVE_INFINITY, this.stopping.signal);
  }

  /** Looks for due rows now (after a commit, a settled post or a timer). Never throws into the caller. */
  kick(): void {
    if (this.stopping.signal.aborted) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Resolves once nothing is pending or in flight anywhere (failed rows count as done). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      void this.checkIdle();
    });
  }

  /**
   * Graceful stop: no new claims; rows waiting for a slot are handed back (pending, due at once); posts on
   * the wire are awaited and settled. One that outlives stopTimeoutMs keeps its lease, which expires, and the
   * row is reconciled by whichever replica takes it next.
   */
  stop(): Promise<void> {
    this.stopped ??= this.drainForStop();
    return this.stopped;
  }

  private async drainForStop(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.wakeTimer);
    this.due.stop();
    await this.pumping;
    const settled = Promise.allSettled([...this.tasks]).then(() => true);
    const timer = new AbortController();
    const late = sleepFor(this.tuning.stopTimeoutMs, false, { signal: timer.signal }).catch(() => false);
    const finished = await Promise.race([settled, late]);
    timer.abort();
    if (!finished) {
      this.opts.log.warn(
        { inFlight: this.tasks.size },
        'stopped with notices still in flight; their leases expire and they are checked before any repost',
      );
    }
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async pump(): Promise<void> {
    try {
      let free = this.tuning.concurrency - this.tasks.size;
      while (free > 0 && !this.stopping.signal.aborted) {
        const rows = await this.opts.store.outbox.claim({
          worker: this.worker,
          leaseMs: this.tuning.leaseMs,
          limit: free,
          now: this.now(),
          // A workspace's 429 pause ending within a window: its rows wait in the gate and go when it ends.
          pauseAheadMs: this.tuning.pacer.windowMs,
        });
        if (rows.length === 0) break;
        for (const row of rows) this.start(row);
        free = this.tuning.concurrency - this.tasks.size;
      }
    } catch (err) {
      this.opts.log.error({ err }, 'notice sender could not read the outbox; it looks again shortly');
    }
    this.armWake();
    await this.checkIdle();
  }

  private start(row: OutboxRow): void {
    const task: Promise<void> = this.deliver(row)
      .catch((err: unknown) => {
        this.opts.log.error(
          { err, outboxId: row.id },
          'notice delivery crashed; its lease expires and it is checked before any repost',
        );
      })
      .finally(() => {
        this.tasks.delete(task);
        this.kick();
      });
    this.tasks.add(task);
  }

  private pacerFor(teamId: string): SendPacer {
    let pacer = this.pacers.get(teamId);
    if (!pacer) {
      pacer = new SendPacer(this.now, this.tuning.pacer);
      this.pacers.set(teamId, pacer);
    }
    return pacer;
  }

  private gateFor(ws: OutboxRow['workspace']): SendGate {
    let gate = this.gates.get(ws.teamId);
    if (!gate) {
      gate = new SendGate(this.opts.store.sendBudget, ws, this.tuning.pacer, {
        now: this.now,
        sleepUntil: (t) => this.sleepUntil(t),
        stopping: this.stopping.signal,
        log: this.opts.log,
      });
      this.gates.set(ws.teamId, gate);
    }
    return gate;
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const { payload } = row;
    if (!payload) {
      await this.settle(row, { kind: 'failed', error: 'corrupt payload' });
      this.emit({ type: 'failed', row, error: 'corrupt payload', deactivated: false });
      return;
    }
    const pacer = this.pacerFor(row.workspace.teamId);
    const gate = this.gateFor(row.workspace);
    for (;;) {
      const slot = await this.waitForSlot(pacer, gate, row.channelId);
      if (!slot) {
        await this.settle(row, {
          kind: 'retry',
          error: 'handed back at shutdown',
          notBefore: this.now(),
          transient: false,
          uncertain: row.uncertain,
        });
        this.emit({ type: 'parked', row });
        return;
      }
      try {
        if ((await this.attempt(row, payload, pacer, gate, slot)) === 'done') return;
      } finally {
        // Whatever happened (a store that failed mid-way too), the slot is freed once, not left to count.
        if (!slot.released) await this.finished(pacer, gate, slot, false);
      }
    }
  }

  /** One try with a slot in hand: 'again' when a 429 paused the workspace since the slot was granted. */
  private async attempt(
    row: OutboxRow,
    payload: NonNullable<OutboxRow['payload']>,
    pacer: SendPacer,
    gate: SendGate,
    slot: Slot,
  ): Promise<'done' | 'again'> {
    // Looked for right before the post it guards, so that a post of ours arriving late is seen. Found or
    // not, the slot is freed (a history read is not a post).
    if (row.uncertain && (await this.reconcile(row))) return 'done';
    if (!(await this.holdLease(row))) return 'done';
    // A 429 on another row while this one read history or renewed its lease: wait the pause out.
    if (pacer.readyAt(row.channelId) > this.now()) return 'again';
    let ts: string;
    try {
      const metadata = {
        event_type: NOTICE_EVENT_TYPE,
        event_payload: { delivery_id: row.deliveryId, change_set: row.changeSetId },
      };
      ({ ts } = await this.opts.slack.post(row.workspace, { channel: row.channelId, ...payload, metadata }));
    } catch (err) {
      const failure = classifySendError(err);
      // A 429 holds this replica's next posts at once, before anything is awaited: rows waiting for their
      // turn would otherwise post into it, each earning another 429.
      let shared: Promise<void> = Promise.resolve();
      if (failure.kind === 'rate_limited') {
        pacer.rateLimited(row.channelId, failure.retryAfterMs);
        shared = gate.rateLimited(this.now() + failure.retryAfterMs);
      }
      await this.finished(pacer, gate, slot, false);
      await shared;
      // The post may have landed even though its answer did not: a history read from before it is stale.
      this.reconciler.forget(row.workspace, row.channelId);
      await this.onFailure(row, failure);
      return 'done';
    }
    await this.finished(pacer, gate, slot, true);
    this.reconciler.forget(row.workspace, row.channelId);
    await this.settleSent(row, ts, false);
    return 'done';
  }

  /**
   * An uncertain row: is its message already in the channel? Found: settled as sent with that ts (true).
   * Rate limited: handed back until Retry-After, still uncertain (true). Absent or unreadable: post (false).
   */
  private async reconcile(row: OutboxRow): Promise<boolean> {
    const found = await this.reconciler.check(row);
    if (found.kind === 'absent') return false;
    if (found.kind === 'unreadable') {
      const team = row.workspace.teamId;
      if (!this.unreadable.has(team)) {
        this.unreadable.add(team);
        this.opts.log.warn(
          { team, error: found.error },
          'cannot read channel history to look for a notice whose answer was lost (grant channels:history and groups:history); posting again, which may repeat it',
        );
      }
      return false;
    }
    if (found.kind === 'found') {
      await this.settleSent(row, found.ts, true);
      return true;
    }
    const notBefore = this.now() + found.retryAfterMs;
    const failure = { kind: 'rate_limited' as const, retryAfterMs: found.retryAfterMs };
    await this.settle(row, {
      kind: 'retry',
      error: `history read rate limited (${describeFailure(failure)})`,
      notBefore,
      transient: false,
      uncertain: true,
    });
    this.emit({ type: 'retry', row, failure, notBefore });
    return true;
  }

  private async settleSent(row: OutboxRow, ts: string, reconciled: boolean): Promise<void> {
    const spacing = this.tuning.pacer.perChannelMs + this.tuning.pacer.marginMs;
    const ours = await this.settle(
      row,
      { kind: 'sent', ts, reconciled },
      { channelNotBefore: this.now() + spacing },
    );
    if (!ours) {
      this.opts.log.warn(
        { outboxId: row.id, ts },
        'a notice was posted after its lease had passed to another replica; that replica checks the channel before posting',
      );
      return;
    }
    this.emit({ type: reconciled ? 'reconciled' : 'sent', row, ts });
  }

  private async onFailure(row: OutboxRow, failure: SendFailure): Promise<void> {
    const pacer = this.pacerFor(row.workspace.teamId);
    const outcome = decideFailure(row, failure, this.now(), this.tuning, this.random);
    const context = {
      outboxId: row.id,
      team: row.workspace.teamId,
      channel: row.channelId,
      changeSet: row.changeSetId,
      error: describeFailure(failure),
    };
    if (outcome.authPaused) {
      pacer.pauseAll(this.now() + this.tuning.authPauseMs);
      this.opts.log.error(
        context,
        "Slack refused the bot token; this workspace's notices are paused. Check its install",
      );
    }
    if (!(await this.settle(row, outcome.settlement, outcome.pacing))) return;
    if (outcome.settlement.kind === 'retry') {
      if (failure.kind === 'transient')
        this.opts.log.warn(
          { ...context, attempt: row.transientFailures + 1 },
          'notice post failed; retrying with backoff',
        );
      this.emit({ type: 'retry', row, failure, notBefore: outcome.settlement.notBefore });
      return;
    }
    if (outcome.deactivateChannel) {
      const deactivated = await this.opts.store.subscriptions.deactivateChannel(
        row.workspace,
        row.channelId,
        outcome.settlement.error,
      );
      this.opts.log.warn(
        { ...context, deactivated },
        'cannot post notices in this channel any more; its subscriptions are paused',
      );
    } else {
      this.opts.log.error(
        { ...context, attempts: row.attempts },
        'notice could not be delivered; giving up on it',
      );
    }
    this.emit({
      type: 'failed',
      row,
      error: outcome.settlement.error,
      deactivated: outcome.deactivateChannel,
    });
  }

  /**
   * Whether the row is still ours to post, with at least half a lease left for the post (keep leaseMs above
   * twice the sending client's timeout). A row can wait for its slot (a 429 pause, a learned budget) or a
   * history read longer than its lease; by then another replica may have taken it over and posted it, and
   * posting it here too would send it twice. So the lease is renewed first, and a lost one means hands off.
   */
  private async holdLease(row: OutboxRow): Promise<boolean> {
    const now = this.now();
    if ((row.leaseUntil ?? 0) - now >= this.tuning.leaseMs / 2) return true;
    if (await this.opts.store.outbox.renew(row, this.worker, this.tuning.leaseMs, now)) {
      row.leaseUntil = now + this.tuning.leaseMs;
      return true;
    }
    this.opts.log.info(
      { outboxId: row.id, channel: row.channelId },
      'a notice waited past its lease and was claimed again (by another replica or this one); leaving it to that claim',
    );
    return false;
  }

  /** Settles a row we hold; false when our lease had already passed to another replica. */
  private async settle(row: OutboxRow, settlement: Settlement, pacing?: Pacing): Promise<boolean> {
    const ours = await this.opts.store.outbox.settle(row.id, this.worker, settlement, pacing, this.now());
    if (ours && settlement.kind === 'retry') this.due.at(settlement.notBefore);
    return ours;
  }

  private async finished(pacer: SendPacer, gate: SendGate, slot: Slot, delivered: boolean): Promise<void> {
    if (slot.released) return;
    slot.released = true;
    pacer.finish(slot.channelId, delivered);
    await gate.release(slot.id, delivered);
  }

  /** Waits for the channel's spacing, any pause and a workspace slot; undefined when stopping. */
  private async waitForSlot(pacer: SendPacer, gate: SendGate, channelId: string): Promise<Slot | undefined> {
    for (;;) {
      if (this.stopping.signal.aborted) return undefined;
      const at = pacer.readyAt(channelId);
      if (at > this.now()) {
        await this.sleepUntil(at);
        continue;
      }
      const id = await gate.take();
      if (id === undefined) return undefined;
      // A 429 seen here while this row waited its turn: give the slot back and wait the pause out.
      if (pacer.readyAt(channelId) > this.now()) {
        await gate.release(id, false);
        continue;
      }
      return { channelId, id, released: false };
    }
  }

  /** Polls while there may be work: other replicas commit, and retries come due, without telling us. */
  private armWake(): void {
    clearTimeout(this.wakeTimer);
    if (this.stopping.signal.aborted) return;
    this.wakeTimer = setTimeout(() => this.kick(), this.tuning.pollMs);
    this.wakeTimer.unref();
  }

  private async checkIdle(): Promise<void> {
    if (this.idleWaiters.length === 0 || this.tasks.size > 0) return;
    if (!this.stopping.signal.aborted) {
      try {
        if ((await this.opts.store.outbox.pending()).count > 0) return;
      } catch {
        return;
      }
    }
    if (this.tasks.size > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async sleepUntil(t: number): Promise<void> {
    await sleepFor(Math.max(0, t - this.now()), undefined, { signal: this.stopping.signal }).catch(
      () => undefined,
    );
  }

  private emit(event: SenderEvent): void {
    this.opts.onEvent?.(event);
  }
}
