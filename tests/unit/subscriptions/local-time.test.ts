import { describe, expect, it } from 'vitest';
import { isTimeZone, nextLocalHour } from '../../../src/shared/local-time.js';

const at = (iso: string): number => Date.parse(iso);

describe('the next 09:00 in a time zone', () => {
  it('is today when it has not passed there yet, else tomorrow', () => {
    expect(nextLocalHour(at('2026-12-02T00:30:00Z'), 'Asia/Tokyo', 9, 'daily')).toBe(
      at('2026-12-02T00:00:00Z') + 86_400_000,
    );
    expect(nextLocalHour(at('2026-12-01T23:30:00Z'), 'Asia/Tokyo', 9, 'daily')).toBe(
      at('2026-12-02T00:00:00Z'),
    );
    expect(nextLocalHour(at('2026-12-02T07:59:00Z'), 'Europe/Berlin', 9, 'daily')).toBe(
      at('2026-12-02T08:00:00Z'),
    );
    expect(nextLocalHour(at('2026-12-02T08:00:00Z'), 'Europe/Berlin', 9, 'daily')).toBe(
      at('2026-12-03T08:00:00Z'),
    );
  });

  it('follows daylight saving and falls on Mondays for weekly', () => {
    // Berlin is UTC+2 in summer: 09:00 there is 07:00 UTC.
    expect(nextLocalHour(at('2026-07-01T12:00:00Z'), 'Europe/Berlin', 9, 'daily')).toBe(
      at('2026-07-02T07:00:00Z'),
    );
    // 2026-12-02 is a Wednesday: the next Monday is 2026-12-07.
    expect(nextLocalHour(at('2026-12-02T12:00:00Z'), 'America/New_York', 9, 'weekly')).toBe(
      at('2026-12-07T14:00:00Z'),
    );
  });

  it('knows time zone names', () => {
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
