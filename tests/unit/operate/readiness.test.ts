import { describe, expect, it } from 'vitest';
import { createReadiness, throttledCheck } from '../../../src/operate/readiness.js';

describe('readiness', () => {
  it('names the check that failed, and counts a rejection or a hang as a failure', async () => {
    const readiness = createReadiness(
      {
        registry: () => true,
        store: () => Promise.reject(new Error('connection refused')),
        slack: () => new Promise<boolean>(() => undefined),
      },
      { cacheMs: 0, timeoutMs: 20 },
    );
    expect(await readiness.check()).toEqual({
      ready: false,
      checks: { registry: 'ok', store: 'failed', slack: 'failed' },
    });
  });

  it('shares one run of the checks between every probe within the cache window', async () => {
    let clock = 0;
    let storeCalls = 0;
    const readiness = createReadiness(
      {
        registry: () => true,
        store: async () => {
          storeCalls += 1;
          return true;
        },
        slack: () => true,
      },
      { cacheMs: 1_000, now: () => clock },
    );
    const storm = await Promise.all(Array.from({ length: 100 }, () => readiness.check()));
    expect(storm.every((r) => r.ready)).toBe(true);
    expect(storeCalls).toBe(1);
    clock = 1_000;
    await readiness.check();
    expect(storeCalls).toBe(2);
  });

  it('asks Slack rarely while it answers, and more often while it does not', async () => {
    let clock = 0;
    let calls = 0;
    let up = true;
    const check = throttledCheck(
      async () => {
        calls += 1;
        return up;
      },
      30_000,
      2_000,
      () => clock,
    );
    expect(await check()).toBe(true);
    clock = 10_000;
    expect(await check()).toBe(true);
    expect(calls).toBe(1);
    up = false;
    clock = 30_000;
    expect(await check()).toBe(false);
    clock = 32_000;
    up = true;
    expect(await check()).toBe(true);
    expect(calls).toBe(3);
  });
});
