import type { BudgetPolicy } from '../store/store.js';

/**
 * When this replica may start the next chat.postMessage to a channel. Slack allows about one message per
 * second per channel plus an unpublished workspace-wide budget (https://api.slack.com/docs/rate-limits); a
 * 429 carries Retry-After in whole seconds, so every 429 costs at least a second of silence. This pacer keeps
 * what is local to the replica:
 * - spaces posts to one channel by `perChannelMs` after the previous post there *completed* (a channel has
 *   one row out at a time, on one replica, and the store keeps the spacing for whichever replica is next);
 * - after a 429, pauses every post until Retry-After has passed (we cannot tell a channel 429 from a
 *   workspace one, and we never send two posts to a channel within a second ourselves).
 * The workspace budget is shared by every replica, so it lives in the store (SendBudgetStore), and its
 * tuning is here too. All times are epoch ms from the injected clock; the pacer never waits itself.
 */
export interface PacerOptions extends BudgetPolicy {
  perChannelMs: number;
}

export const DEFAULT_PACER: PacerOptions = {
  perChannelMs: 1000,
  windowMs: 1000,
  marginMs: 5,
  forgetAfterMs: 60_000,
  recheckMs: 50,
  // Above the 10 s timeout of the sending client, so a live post never loses its slot.
  holdMs: 15_000,
  probeInFlight: 20,
  minBudget: 10,
};

export class SendPacer {
  private readonly channelNext = new Map<string, number>();
  private pausedUntil = 0;

  constructor(
    private readonly now: () => number,
    private readonly opts: PacerOptions = DEFAULT_PACER,
  ) {}

  /** Earliest time a post to `channelId` may start: the channel's spacing and any pause. */
  readyAt(channelId: string): number {
    const t = this.now();
    this.expire(t);
    return Math.max(t, this.pausedUntil, this.channelNext.get(channelId) ?? 0);
  }

  /** The post ended. Delivered: the channel waits its interval. Not delivered: Slack did not count it. */
  finish(channelId: string, delivered: boolean): void {
    if (!delivered) return;
    this.channelNext.set(channelId, this.now() + this.opts.perChannelMs + this.opts.marginMs);
  }

  /** A 429 for a post to `channelId`: pause everything until Retry-After. */
  rateLimited(channelId: string, retryAfterMs: number): void {
    const until = this.now() + retryAfterMs;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.channelNext.set(channelId, Math.max(this.channelNext.get(channelId) ?? 0, until));
  }

  /** Pause everything (an auth failure) until `until`. */
  pauseAll(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  private expire(t: number): void {
    if (this.channelNext.size > 10_000) {
      for (const [channel, next] of this.channelNext) if (next < t) this.channelNext.delete(channel);
    }
  }
}
