/** Scheduled digests go out at this hour in the subscriber's time zone. */
export const DIGEST_HOUR = 9;

/** Whether Intl knows a time zone name (an IANA name such as 'Europe/Berlin'). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date and time in `tz` at an instant. */
function wallClock(
  tz: string,
  at: number,
): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    y: get('year'),
    m: get('month'),
    d: get('day'),
    h: get('hour'),
    mi: get('minute'),
    s: get('second'),
  };
}

/** How far `tz` is ahead of UTC at an instant, ms (it follows daylight saving). */
function offsetAt(tz: string, at: number): number {
  const w = wallClock(tz, at);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - Math.floor(at / 1000) * 1000;
}

/**
 * The first instant after `now` at which it is `hour`:00 in `tz` — on a Monday for 'weekly'. Pure. An hour
 * that a daylight-saving jump skips comes out an hour later, as a wall clock would show it.
 */
export function nextLocalHour(now: number, tz: string, hour: number, every: 'daily' | 'weekly'): number {
  const today = wallClock(tz, now);
  for (let add = 0; add <= 8; add++) {
    const wall = Date.UTC(today.y, today.m - 1, today.d + add, hour, 0, 0);
    if (every === 'weekly' && new Date(wall).getUTCDay() !== 1) continue;
    const guess = wall - offsetAt(tz, wall);
    const at = wall - offsetAt(tz, guess);
    if (at > now) return at;
  }
  // Unreachable: within eight days there is always a next one.
  return now + 86_400_000;
}
