/**
 * When the sender may start the next chat.postMessage. Slack allows about one message per second per
 * channel plus an unpublished workspace-wide budget (https://api.slack.com/docs/rate-limits); a 429
 * carries Retry-After in whole seconds, so every 429 costs at least a second of silence. The pacer therefore:
 * - spaces posts to one channel by `perChannelMs` after the previous post there *completed*;
 * - after a 429, pauses every post until Retry-After has passed (we cannot tell a channel 429 from a
 *   workspace one, and we never send two posts to a channel within a second ourselves);
 * - learns the workspace budget from how many posts succeeded in the window before the 429. From then on a
 *   post holds one of `budget` slots from its start until `windowMs` after it completed. Slack counts a post
 *   when it arrives, which is before we see the answer, so anchoring on completion keeps every window of
 *   Slack's within budget however much our own start times jitter. A big fan-out meets one round of 429s
 *   instead of one per window. The budget is forgotten after `forgetAfterMs` without a 429.
 * All times are epoch ms from the injected clock; the pacer never waits itself.
 */
export interface PacerOptions {
  perChannelMs: number;
  windowMs: number;
  /** A little extra on top of each interval, for clock granularity. */
  marginMs: number;
  forgetAfterMs: number;
}

export const DEFAULT_PACER: PacerOptions = {
  perChannelMs: 1000,
  windowMs: 1000,
  marginMs: 5,
  forgetAfterMs: 60_000,
};

/** A started post, to be handed back with `finish`. */
export interface PacerSlot {
  readonly channelId: string;
  releaseAt: number | undefined;
}

export class SendPacer {
  private readonly channelNext = new Map<string, number>();
  /** Slots in flight (releaseAt undefined) or counting against the window until releaseAt. */
  private slots: PacerSlot[] = [];
  /** Completion times of successful posts, for learning the budget. */
  private successes: number[] = [];
  private pausedUntil = 0;
  private budget: number | undefined;
  private last429 = 0;

  constructor(
    private readonly now: () => number,
    private readonly opts: PacerOptions = DEFAULT_PACER,
  ) {}

  /**
   * Earliest time a post to `channelId` may start: the channel's spacing and any pause, then a free
   * workspace slot. `undefined` means every slot is held by a post still in flight: wait for one to finish.
   */
  readyAt(channelId: string): number | undefined {
    const t = this.now();
    this.expire(t);
    const channel = Math.max(t, this.pausedUntil, this.channelNext.get(channelId) ?? 0);
    const budget = this.budget;
    if (budget === undefined || this.slots.length < budget) return channel;
    const timed = this.slots
      .map((s) => s.releaseAt)
      .filter((r): r is number => r !== undefined)
      .sort((a, b) => a - b);
    const inFlight = this.slots.length - timed.length;
    if (inFlight >= budget) return undefined;
    // The slots that must free up before one is ours: the earliest (held - budget + 1) timed releases.
    const free = timed[this.slots.length - budget];
    return Math.max(channel, free ?? t);
  }

  /** Takes a slot for a post starting now (call only once readyAt() <= now). */
  start(channelId: string): PacerSlot {
    const slot: PacerSlot = { channelId, releaseAt: undefined };
    this.slots.push(slot);
    return slot;
  }

  /**
   * The post ended. Delivered: the slot counts for another window and the channel waits its interval.
   * Not delivered (429, error): Slack did not count it, the slot is free at once.
   */
  finish(slot: PacerSlot, delivered: boolean): void {
    const t = this.now();
    if (delivered) {
      slot.releaseAt = t + this.opts.windowMs + this.opts.marginMs;
      this.successes.push(t);
      this.channelNext.set(slot.channelId, t + this.opts.perChannelMs + this.opts.marginMs);
    } else {
      slot.releaseAt = t;
    }
  }

  /** A 429 for a post to `channelId`: pause everything until Retry-After and (re)learn the budget. */
  rateLimited(channelId: string, retryAfterMs: number): void {
    const t = this.now();
    this.expire(t);
    const until = t + retryAfterMs;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.channelNext.set(channelId, Math.max(this.channelNext.get(channelId) ?? 0, until));
    const recent = this.successes.filter((s) => s > t - this.opts.windowMs).length;
    // One or two posts in the window say nothing about a workspace budget (the channel was busy).
    if (recent >= 2)
      this.budget = this.budget === undefined ? recent : Math.max(1, Math.min(this.budget, recent));
    this.last429 = t;
  }

  /** Pause everything (an auth failure) until `until`. */
  pauseAll(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** The learned workspace budget per window, if any (for logs and tests). */
  get learnedBudget(): number | undefined {
    return this.budget;
  }

  private expire(t: number): void {
    if (this.budget !== undefined && t - this.last429 > this.opts.forgetAfterMs) this.budget = undefined;
    if (this.slots.some((s) => s.releaseAt !== undefined && s.releaseAt <= t)) {
      this.slots = this.slots.filter((s) => s.releaseAt === undefined || s.releaseAt > t);
    }
    if ((this.successes[0] ?? t) < t - 2 * this.opts.windowMs) {
      this.successes = this.successes.filter((s) => s >= t - 2 * this.opts.windowMs);
    }
    if (this.channelNext.size > 10_000) {
      for (const [channel, next] of this.channelNext) if (next < t) this.channelNext.delete(channel);
    }
  }
}
