import type { RateLimitOptions } from './types.js';

export type RateDecision =
  | { allowed: true }
  | { allowed: false; scope: 'channel' | 'workspace'; retryAfterSeconds: number };

const WINDOW_MS = 1000;

/**
 * Sliding one-second window, per channel and per workspace, like Slack's "about 1 message per
 * second per channel" for chat.postMessage. Slack answers 429 with an integer
 * Retry-After in seconds; web-api parses it with parseInt and fails at once on 0/NaN, so we never say < 1.
 * Only allowed calls take a slot; a rejected call does not extend the wait.
 */
export class SlidingWindowRateLimiter {
  private readonly perChannel = new Map<string, number[]>();
  private readonly workspace: number[] = [];

  constructor(
    private readonly limits: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    if (!(limits.perChannelPerSecond > 0) || !(limits.workspacePerSecond > 0)) {
      throw new Error('rate limits must be positive numbers of calls per second');
    }
  }

  tryAcquire(channel: string): RateDecision {
    const t = this.now();
    const channelHits = this.perChannel.get(channel) ?? [];
    prune(channelHits, t);
    prune(this.workspace, t);
    if (this.workspace.length >= this.limits.workspacePerSecond) {
      return { allowed: false, scope: 'workspace', retryAfterSeconds: retryAfter(this.workspace, t) };
    }
    if (channelHits.length >= this.limits.perChannelPerSecond) {
      return { allowed: false, scope: 'channel', retryAfterSeconds: retryAfter(channelHits, t) };
    }
    channelHits.push(t);
    this.workspace.push(t);
    this.perChannel.set(channel, channelHits);
    return { allowed: true };
  }
}

/** One limiter per workspace: Slack rate-limits each workspace apart, so a 429 in one never slows another. */
export class PerTeamRateLimiter {
  private readonly limiters = new Map<string, SlidingWindowRateLimiter>();

  constructor(
    private readonly limits: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    // Built once here so nonsense limits fail at start, not at the first post.
    new SlidingWindowRateLimiter(limits, now);
  }

  tryAcquire(teamId: string, channel: string): RateDecision {
    let limiter = this.limiters.get(teamId);
    if (!limiter) {
      limiter = new SlidingWindowRateLimiter(this.limits, this.now);
      this.limiters.set(teamId, limiter);
    }
    return limiter.tryAcquire(channel);
  }
}

function prune(hits: number[], t: number): void {
  while (hits.length > 0 && (hits[0] ?? 0) <= t - WINDOW_MS) hits.shift();
}

function retryAfter(hits: number[], t: number): number {
  const oldest = hits[0] ?? t;
  return Math.max(1, Math.ceil((oldest + WINDOW_MS - t) / 1000));
}
