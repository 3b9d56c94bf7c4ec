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
    ['settings colour blue', { kind: 'bad-setting', name: 'colour', value: 'blue' }],
    ['deliveries', { kind: 'deliveries' }],
    ['delivery log', { kind: 'deliveries' }],
  ])('%s', (text, intent) => {
    const parsed = parseIntent(text, registry);
    expect(parsed).toEqual(intent);
    expect(isQuestion(parsed)).toBe(false);
  });

  it('leaves other words to the other parsers', () => {
    expect(parseIntent('subscribe', registry)).toEqual({ kind: 'subscribe', filter: { kind: 'all' } });
    expect(parseIntent('deliveries of vault', registry).kind).not.toBe('deliveries');
  });
});
