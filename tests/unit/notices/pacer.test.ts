import { describe, expect, it } from 'vitest';
import { SendPacer } from '../../../src/notices/pacer.js';

const OPTS = { perChannelMs: 1000, windowMs: 1000, marginMs: 0, forgetAfterMs: 60_000 };

function pacerAt(start = 0) {
  const clock = { t: start };
  return { clock, pacer: new SendPacer(() => clock.t, OPTS) };
}

describe('SendPacer', () => {
  it('spaces one channel by a second after its last post completed, leaves other channels free', () => {
    const { clock, pacer } = pacerAt(1_000);
    const slot = pacer.start('C1');
    clock.t = 1_200;
    pacer.finish(slot, true);
    expect(pacer.readyAt('C1')).toBe(2_200);
    expect(pacer.readyAt('C2')).toBe(1_200);
  });

  it('a post that was not delivered does not hold the channel', () => {
    const { pacer } = pacerAt(1_000);
    pacer.finish(pacer.start('C1'), false);
    expect(pacer.readyAt('C1')).toBe(1_000);
  });

  it('a 429 pauses every channel until Retry-After', () => {
    const { clock, pacer } = pacerAt(1_000);
    pacer.rateLimited('C2', 2_000);
    expect(pacer.readyAt('C9')).toBe(3_000);
    clock.t = 3_000;
    expect(pacer.readyAt('C9')).toBe(3_000);
  });

  it('learns the workspace budget from successes before a 429; a slot is held until a window after completion', () => {
    const { clock, pacer } = pacerAt(10_000);
    for (let i = 0; i < 5; i++) pacer.finish(pacer.start(`C${i}`), true);
    pacer.rateLimited('C5', 1_000);
    expect(pacer.learnedBudget).toBe(5);
    clock.t = 11_000;
    // The five posts completed at 10_000 count until 11_000: the window is free again now.
    const slots = Array.from({ length: 5 }, (_, i) => {
      expect(pacer.readyAt(`D${i}`)).toBe(11_000);
      return pacer.start(`D${i}`);
    });
    expect(pacer.readyAt('D5')).toBeUndefined();
    clock.t = 11_050;
    slots.forEach((s, i) => {
      if (i < 2) pacer.finish(s, true);
    });
    // Three still in flight, two held until a window after they completed.
    expect(pacer.readyAt('D5')).toBe(12_050);
    slots.forEach((s, i) => {
      if (i >= 2) pacer.finish(s, i !== 4);
    });
    // Slot 4 failed (free at once); the other four are held until 12_050.
    expect(pacer.readyAt('D5')).toBe(11_050);
    pacer.start('D5');
    expect(pacer.readyAt('D6')).toBe(12_050);
  });

  it('does not learn a budget from a 429 on a quiet workspace (a busy channel)', () => {
    const { pacer } = pacerAt(10_000);
    pacer.finish(pacer.start('C1'), true);
    pacer.rateLimited('C1', 1_000);
    expect(pacer.learnedBudget).toBeUndefined();
  });

  it('forgets the budget after a quiet minute', () => {
    const { clock, pacer } = pacerAt(0);
    for (let i = 0; i < 3; i++) pacer.finish(pacer.start(`C${i}`), true);
    pacer.rateLimited('C9', 1_000);
    expect(pacer.learnedBudget).toBe(3);
    clock.t = 70_000;
    pacer.readyAt('C1');
    expect(pacer.learnedBudget).toBeUndefined();
  });
});
