import { describe, expect, it } from 'vitest';
import { DEFAULT_PACER, SendPacer } from '../../../src/notices/pacer.js';

const OPTS = { ...DEFAULT_PACER, marginMs: 0 };

function pacerAt(start = 0) {
  const clock = { t: start };
  return { clock, pacer: new SendPacer(() => clock.t, OPTS) };
}

describe('SendPacer', () => {
  it('spaces one channel by a second after its last post completed, leaves other channels free', () => {
    const { clock, pacer } = pacerAt(1_000);
    clock.t = 1_200;
    pacer.finish('C1', true);
    expect(pacer.readyAt('C1')).toBe(2_200);
    expect(pacer.readyAt('C2')).toBe(1_200);
  });

  it('a post that was not delivered does not hold the channel', () => {
    const { pacer } = pacerAt(1_000);
    pacer.finish('C1', false);
    expect(pacer.readyAt('C1')).toBe(1_000);
  });

  it('a 429 pauses every channel until Retry-After', () => {
    const { clock, pacer } = pacerAt(1_000);
    pacer.rateLimited('C2', 2_000);
    expect(pacer.readyAt('C9')).toBe(3_000);
    clock.t = 3_000;
    expect(pacer.readyAt('C9')).toBe(3_000);
  });

  it('an auth pause holds every channel until it ends', () => {
    const { pacer } = pacerAt(1_000);
    pacer.pauseAll(61_000);
    expect(pacer.readyAt('C1')).toBe(61_000);
  });
});
