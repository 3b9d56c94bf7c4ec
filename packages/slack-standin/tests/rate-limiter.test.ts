import { describe, expect, it } from 'vitest';
import { SlidingWindowRateLimiter } from '../src/index.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('SlidingWindowRateLimiter', () => {
  it('allows perChannelPerSecond calls per channel, then says retry after at least 1 s', () => {
    const c = clock();
    const limiter = new SlidingWindowRateLimiter({ perChannelPerSecond: 2, workspacePerSecond: 100 }, c.now);
    expect(limiter.tryAcquire('C1')).toEqual({ allowed: true });
    expect(limiter.tryAcquire('C1')).toEqual({ allowed: true });
    expect(limiter.tryAcquire('C1')).toEqual({ allowed: false, scope: 'channel', retryAfterSeconds: 1 });
    expect(limiter.tryAcquire('C2')).toEqual({ allowed: true });
  });

  it('frees a slot once the oldest call leaves the one-second window', () => {
    const c = clock();
    const limiter = new SlidingWindowRateLimiter({ perChannelPerSecond: 1, workspacePerSecond: 100 }, c.now);
    expect(limiter.tryAcquire('C1').allowed).toBe(true);
    c.advance(999);
    expect(limiter.tryAcquire('C1').allowed).toBe(false);
    c.advance(1);
    expect(limiter.tryAcquire('C1').allowed).toBe(true);
  });

  it('applies the workspace limit across channels', () => {
    const c = clock();
    const limiter = new SlidingWindowRateLimiter({ perChannelPerSecond: 10, workspacePerSecond: 3 }, c.now);
    for (const ch of ['C1', 'C2', 'C3']) expect(limiter.tryAcquire(ch).allowed).toBe(true);
    expect(limiter.tryAcquire('C4')).toEqual({ allowed: false, scope: 'workspace', retryAfterSeconds: 1 });
  });

  it('does not let rejected calls extend the wait', () => {
    const c = clock();
    const limiter = new SlidingWindowRateLimiter({ perChannelPerSecond: 1, workspacePerSecond: 100 }, c.now);
    limiter.tryAcquire('C1');
    for (let i = 0; i < 5; i += 1) {
      c.advance(100);
      expect(limiter.tryAcquire('C1').allowed).toBe(false);
    }
    c.advance(500);
    expect(limiter.tryAcquire('C1').allowed).toBe(true);
  });

  it('refuses nonsense limits', () => {
    expect(() => new SlidingWindowRateLimiter({ perChannelPerSecond: 0, workspacePerSecond: 1 })).toThrow();
  });
});
