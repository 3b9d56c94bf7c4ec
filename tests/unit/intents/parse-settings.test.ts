import { describe, expect, it } from 'vitest';
import { isQuestion } from '../../../src/intents/intent.js';
import { parseIntent } from '../../../src/intents/parse.js';
import { realRegistry } from '../../harness/registry-fixtures.js';

const registry = realRegistry();

describe('settings and deliveries commands', () => {
  it.each([
    ['settings', { kind: 'settings' }],
    ['Settings', { kind: 'settings' }],
    [
      'settings subscribe-policy admins',
      { kind: 'set-setting', setting: { name: 'subscribe-policy', value: 'admins' } },
    ],
    [
      'settings subscribe policy anyone',
      { kind: 'set-setting', setting: { name: 'subscribe-policy', value: 'anyone' } },
    ],
    [
      'settings subscribe-policy channel creator',
      { kind: 'set-setting', setting: { name: 'subscribe-policy', value: 'channel-creator' } },
    ],
    [
      'settings subscribe-policy everyone',
      { kind: 'bad-setting', name: 'subscribe-policy', value: 'everyone' },
    ],
    ['settings subscribe-policy', { kind: 'bad-setting', name: 'subscribe-policy' }],
    ['settings format compact', { kind: 'set-setting', setting: { name: 'format', value: 'compact' } }],
    ['settings format tiny', { kind: 'bad-setting', name: 'format', value: 'tiny' }],
    ['settings colour blue', { kind: 'bad-setting', name: 'colour', value: 'blue' }],
    ['mute 7d', { kind: 'mute', request: { kind: 'for', ms: 7 * 86_400_000 } }],
    ['mute 2h', { kind: 'mute', request: { kind: 'for', ms: 2 * 3_600_000 } }],
    ['mute this channel for 2 weeks', { kind: 'mute', request: { kind: 'for', ms: 14 * 86_400_000 } }],
    ['mute 30 minutes', { kind: 'mute', request: { kind: 'for', ms: 30 * 60_000 } }],
    ['mute until 2027-01-15', { kind: 'mute', request: { kind: 'until', date: '2027-01-15' } }],
    ['mute 7x', { kind: 'bad-mute', text: '7x' }],
    ['mute', { kind: 'bad-mute', text: '' }],
    ['mute vault', { kind: 'bad-mute', text: 'vault' }],
    ['unmute', { kind: 'unmute' }],
    ['subscribe stable hourly', { kind: 'bad-schedule', word: 'hourly' }],
    ['deliveries', { kind: 'deliveries' }],
    ['guarantees', { kind: 'guarantees' }],
    ['delivery log', { kind: 'deliveries' }],
  ])('%s', (text, intent) => {
    const parsed = parseIntent(text, registry);
    expect(parsed).toEqual(intent);
    expect(isQuestion(parsed)).toBe(parsed.kind === 'guarantees');
  });

  it('reads a schedule after a subscription', () => {
    expect(parseIntent('subscribe stable daily', registry)).toEqual({
      kind: 'subscribe',
      filter: { kind: 'state', state: 'Stable' },
      schedule: 'daily',
    });
    expect(parseIntent('subscribe weekly', registry)).toEqual({
      kind: 'subscribe',
      filter: { kind: 'all' },
      schedule: 'weekly',
    });
    expect(parseIntent('subscribe promotions immediately', registry)).toEqual({
      kind: 'subscribe',
      filter: { kind: 'promotions' },
      schedule: 'immediately',
    });
  });

  it('leaves other words to the other parsers', () => {
    expect(parseIntent('subscribe', registry)).toEqual({ kind: 'subscribe', filter: { kind: 'all' } });
    expect(parseIntent('deliveries of vault', registry).kind).not.toBe('deliveries');
  });
});
