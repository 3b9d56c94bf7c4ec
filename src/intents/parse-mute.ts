import type { SettingsIntent } from './settings-intent.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const UNIT_WORDS: Readonly<Record<string, string>> = {
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  wk: 'w',
  week: 'w',
  weeks: 'w',
};

/** "7d", "2h", "7 days", "1 week" → milliseconds; undefined for anything else. */
function duration(text: string): number | undefined {
  const m = /^(\d{1,4})\s*([a-z]+)$/.exec(text);
  const unit = m?.[2] ? UNIT_WORDS[m[2]] : undefined;
  if (!m?.[1] || !unit) return undefined;
  return Number(m[1]) * (UNIT_MS[unit] ?? 0);
}

/**
 * `mute 7d`, `mute 2h`, `mute until 2027-01-15` and `unmute`. Undefined when the words are not one of these;
 * a `mute` whose length cannot be read is a `bad-mute` (echoing what was typed). Pure: whether a date is in
 * the future is for the caller, who has the clock.
 */
export function parseMute(words: readonly string[]): SettingsIntent | undefined {
  const [head = '', ...rest] = words;
  const subject = rest.filter((w) => w !== 'this' && w !== 'channel' && w !== 'for' && w !== 'notices');
  if (head === 'unmute') return subject.length === 0 ? { kind: 'unmute' } : undefined;
  if (head !== 'mute') return undefined;
  const text = subject.join(' ');
  const ms = duration(text);
  if (ms !== undefined) return { kind: 'mute', request: { kind: 'for', ms } };
  const date = /^(?:until\s+)?(\d{4}-\d{2}-\d{2})$/.exec(text)?.[1];
  if (date) return { kind: 'mute', request: { kind: 'until', date } };
  return { kind: 'bad-mute', text };
}
