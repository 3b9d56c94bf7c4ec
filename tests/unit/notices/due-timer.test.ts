import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DueTimer } from '../../../src/notices/due-timer.js';

describe('DueTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 10_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls back at each time, earliest first, and leaves times past its horizon to the poll', () => {
    const calls: number[] = [];
    const due = new DueTimer(() => calls.push(Date.now()), Date.now, 1_000);
    due.at(10_300);
    due.at(10_100);
    due.at(10_100);
    due.at(12_000);
    vi.advanceTimersByTime(2_000);
    expect(calls).toEqual([10_100, 10_300]);
  });

  it('a time already past calls back at once; after stop nothing does', () => {
    const calls: number[] = [];
    const due = new DueTimer(() => calls.push(Date.now()), Date.now, 1_000);
    due.at(9_000);
    vi.advanceTimersByTime(0);
    expect(calls).toEqual([10_000]);
    due.at(10_500);
    due.stop();
    due.at(10_600);
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual([10_000]);
  });
});
