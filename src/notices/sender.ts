import { setMaxListeners } from 'node:events';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { parseJsonAs } from '../shared/json.js';
import type { OutboxRow } from '../store/store.js';
import { type NoticePayload, NoticePayloadSchema } from './change-set.js';
import { handleSendFailure } from './failure-handler.js';
import { type PacerSlot, SendPacer } from './pacer.js';
import {
  DEFAULT_SENDER_TUNING,
  NOTICE_EVENT_TYPE,
  type SenderEvent,
  type SenderOptions,
  type SenderTuning,
} from './sender-types.js';

/**
 * Drains the outbox: claims due rows, posts each with chat.postMessage, records the outcome. One row per
 * channel at a time, `concurrency` across channels, paced by SendPacer; the sender owns every retry.
 */
export class OutboxSender {
  private readonly tuning: SenderTuning;
  private readonly pacer: SendPacer;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly tasks = new Set<Promise<void>>();
  private readonly channelTail = new Map<string, Promise<void>>();
  /** Transient failures per row since this process started (a restart grants a fresh budget). */
  private readonly transient = new Map<number, number>();
  /** Rows we put back with a future notBefore: when to look again. */
  private readonly retryAt = new Map<number, number>();
  private readonly stopping = new AbortController();
  private idleWaiters: (() => void)[] = [];
  private completionWaiters: (() => void)[] = [];
  private wakeTimer: NodeJS.Timeout | undefined;
  private pumping = false;
  private abandoned = false;
  private stopped: Promise<void> | undefined;

  constructor(private readonly opts: SenderOptions) {
    this.tuning = { ...DEFAULT_SENDER_TUNING, ...opts.tuning };
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.pacer = new SendPacer(this.now, this.tuning.pacer);
    // Every row waiting for its slot listens for stop; with `concurrency` of them that is by design.
    setMaxListeners(Number.POSITIVE_INFINITY, this.stopping.signal);
  }

  /** Looks for due rows now (after a commit, a finished post or a timer). Never throws into the caller. */
  kick(): void {
    if (this.stopping.signal.aborted || this.pumping) return;
    this.pumping = true;
    try {
      let free = this.tuning.concurrency - this.tasks.size;
      while (free > 0) {
        const rows = this.opts.store.claimDue(free, this.now());
        if (rows.length === 0) break;
        for (const row of rows) this.start(row);
        free = this.tuning.concurrency - this.tasks.size;
      }
      this.armWake();
      this.checkIdle();
    } catch (err) {
      this.opts.log.error({ err }, 'notice sender could not read the outbox; will look again');
      this.wakeTimer = setTimeout(() => this.kick(), this.tuning.pollMs);
    } finally {
      this.pumping = false;
    }
  }

  /** Resolves once nothing is pending or in flight (failed rows count as done). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.checkIdle();
    });
  }

  /**
   * Graceful stop: no new claims; rows waiting for a slot are parked (pending again, due at once); posts
   * already on the wire are awaited and recorded. If one outlives stopTimeoutMs its row stays 'sending'
   * and requeueInFlight() puts it back at the next start.
   */
  stop(): Promise<void> {
    this.stopped ??= this.drainForStop();
    return this.stopped;
  }

  private async drainForStop(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.wakeTimer);
    for (const resolve of this.completionWaiters.splice(0)) resolve();
    const settled = Promise.allSettled([...this.tasks]).then(() => true);
    const timer = new AbortController();
    const late = sleepFor(this.tuning.stopTimeoutMs, false, { signal: timer.signal }).catch(() => false);
    const finished = await Promise.race([settled, late]);
    timer.abort();
    if (!finished) {
      this.abandoned = true;
      this.opts.log.warn(
        { inFlight: this.tasks.size },
        'stopped with notices still in flight; re-queued at next start',
      );
    }
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private start(row: OutboxRow): void {
    this.retryAt.delete(row.id);
    const previous = this.channelTail.get(row.channelId) ?? Promise.resolve();
    const task: Promise<void> = previous
      .then(() => this.deliver(row))
      .catch((err: unknown) => {
        this.opts.log.error(
          { err, outboxId: row.id },
          'notice delivery crashed; the row is re-queued at next start',
        );
      })
      .finally(() => {
        this.tasks.delete(task);
        if (this.channelTail.get(row.channelId) === task) this.channelTail.delete(row.channelId);
        this.kick();
        this.checkIdle();
      });
    this.tasks.add(task);
    this.channelTail.set(row.channelId, task);
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const payload = parsePayload(row.payloadJson);
    if (!payload) {
      this.opts.store.markFailed(row.id, 'corrupt payload');
      this.emit({ type: 'failed', row, error: 'corrupt payload', deactivated: false });
      return;
    }
    const slot = await this.waitForSlot(row.channelId);
    if (!slot) {
      // After an abandoned stop the store may be closed; the row stays 'sending' and is re-queued at start.
      if (this.abandoned) return;
      this.opts.store.markRetry(row.id, 'parked at shutdown', this.now());
      this.emit({ type: 'parked', row });
      return;
    }
    let ts: string;
    try {
      const metadata = {
        event_type: NOTICE_EVENT_TYPE,
        event_payload: { outbox_id: row.id, change_set: row.changeSetId },
      };
      ({ ts } = await this.opts.post({ channel: row.channelId, ...payload, metadata }));
    } catch (err) {
      this.finished(slot, false);
      if (!this.abandoned) this.onFailure(row, err);
      return;
    }
    this.finished(slot, true);
    if (this.abandoned) {
      this.opts.log.warn(
        { outboxId: row.id, ts },
        'notice posted after shutdown gave up; it may be posted again',
      );
      return;
    }
    // The crash window: Slack has the message, our row does not know yet. markSent writes status and ts in
    // one synchronous statement in the same tick the response resolves, so only the process dying between
    // reading the HTTP response and this local SQLite write (microseconds) can lead to a second post after
    // requeueInFlight(). conversations.history could close even that gap (the post carries outbox_id in its
    // metadata) but needs channels:history; we accept the window and keep it this small.
    this.opts.store.markSent(row.id, ts);
    this.transient.delete(row.id);
    this.emit({ type: 'sent', row, ts });
  }

  private finished(slot: PacerSlot, delivered: boolean): void {
    this.pacer.finish(slot, delivered);
    for (const resolve of this.completionWaiters.splice(0)) resolve();
  }

  /** Waits for the channel's spacing, any pause and a workspace slot; undefined when stopping. */
  private async waitForSlot(channelId: string): Promise<PacerSlot | undefined> {
    for (;;) {
      if (this.stopping.signal.aborted) return undefined;
      const at = this.pacer.readyAt(channelId);
      if (at === undefined) await new Promise<void>((resolve) => this.completionWaiters.push(resolve));
      else if (at > this.now()) await this.sleepUntil(at);
      // Checked and taken in the same tick, so concurrent waiters can never take the same slot.
      else return this.pacer.start(channelId);
    }
  }

  private onFailure(row: OutboxRow, err: unknown): void {
    handleSendFailure(
      {
        store: this.opts.store,
        log: this.opts.log,
        pacer: this.pacer,
        tuning: this.tuning,
        transient: this.transient,
        retryAt: this.retryAt,
        now: this.now,
        random: this.random,
        emit: (event) => this.emit(event),
      },
      row,
      err,
    );
  }

  private armWake(): void {
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    if (this.stopping.signal.aborted) return;
    const t = this.now();
    let at = Number.POSITIVE_INFINITY;
    for (const due of this.retryAt.values()) at = Math.min(at, due);
    if (at === Number.POSITIVE_INFINITY && this.tasks.size === 0 && this.opts.store.pendingCount() > 0) {
      at = t + this.tuning.pollMs;
    }
    // +1 ms: a timer may fire in the same millisecond it was due, and claimDue wants notBefore <= now.
    if (Number.isFinite(at)) this.wakeTimer = setTimeout(() => this.kick(), Math.max(0, at - t) + 1);
  }

  private checkIdle(): void {
    if (this.idleWaiters.length === 0 || this.tasks.size > 0) return;
    if (!this.stopping.signal.aborted && this.opts.store.pendingCount() > 0) return;
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

function parsePayload(json: string): NoticePayload | undefined {
  return parseJsonAs(NoticePayloadSchema, json);
}
