import { describe, expect, it } from 'vitest';
import { assertWithinSlackLimits, validateMessage, validateView } from '../src/index.js';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const errors = (issues: { error: string }[]) => issues.map((i) => i.error);

describe('validateMessage', () => {
  it('accepts a small message with text and blocks', () => {
    const msg = {
      text: 'Feature x is GA',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Feature x' } },
        section('*Status:* GA'),
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'updated today' }] },
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'open', text: { type: 'plain_text', text: 'Open' }, value: 'x' },
          ],
        },
      ],
    };
    expect(validateMessage(msg)).toEqual([]);
    expect(() => assertWithinSlackLimits(msg)).not.toThrow();
  });

  it('rejects a header over 150 characters with a json pointer', () => {
    const issues = validateMessage({
      text: 'x',
      blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }],
    });
    expect(errors(issues)).toEqual(['invalid_blocks']);
    expect(issues[0]?.message).toContain('/blocks/0/text/text');
  });

  it('rejects mrkdwn in a header', () => {
    const issues = validateMessage({
      text: 'x',
      blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }],
    });
    expect(errors(issues)).toContain('invalid_blocks');
  });

  it('rejects 51 blocks but accepts 50', () => {
    const blocks = (n: number) => Array.from({ length: n }, () => ({ type: 'divider' }));
    expect(validateMessage({ text: 'x', blocks: blocks(50) })).toEqual([]);
    const issues = validateMessage({ text: 'x', blocks: blocks(51) });
    expect(errors(issues)).toEqual(['invalid_blocks']);
    expect(issues[0]?.message).toContain('at most 50 blocks');
  });

  it('flags blocks without top-level text as missing_text', () => {
    expect(errors(validateMessage({ blocks: [section('hi')] }))).toEqual(['missing_text']);
    expect(validateMessage({ blocks: [section('hi')] }, { requireText: false })).toEqual([]);
  });

  it.each([
    ['section text over 3000', [section('s'.repeat(3001))]],
    ['empty section text', [section('')]],
    [
      '11 fields',
      [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }],
    ],
    ['field over 2000', [{ type: 'section', fields: [{ type: 'mrkdwn', text: 'f'.repeat(2001) }] }]],
    [
      '11 context elements',
      [{ type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })) }],
    ],
    [
      'button text over 75',
      [
        {
          type: 'actions',
          elements: [{ type: 'button', text: { type: 'plain_text', text: 'b'.repeat(76) } }],
        },
      ],
    ],
    ['block_id over 255', [{ type: 'divider', block_id: 'b'.repeat(256) }]],
    ['unknown block type', [{ type: 'sectoin', text: { type: 'mrkdwn', text: 'x' } }]],
    [
      'duplicate block_id',
      [
        { type: 'divider', block_id: 'a' },
        { type: 'divider', block_id: 'a' },
      ],
    ],
    [
      'option value over 150',
      [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'pick' },
          accessory: {
            type: 'static_select',
            action_id: 'pick',
            options: [{ text: { type: 'plain_text', text: 'o' }, value: 'v'.repeat(151) }],
          },
        },
      ],
    ],
  ])('rejects %s', (_label, blocks) => {
    expect(errors(validateMessage({ text: 'x', blocks }))).toContain('invalid_blocks');
  });

  it('reports total block text over 12000 as msg_blocks_too_long', () => {
    const blocks = Array.from({ length: 5 }, () => section('m'.repeat(2500)));
    expect(errors(validateMessage({ text: 'x', blocks }))).toEqual(['msg_blocks_too_long']);
  });

  it('reports text over 40000 as msg_too_long', () => {
    expect(errors(validateMessage({ text: 't'.repeat(40_001) }))).toEqual(['msg_too_long']);
  });
});

describe('validateView', () => {
  it('accepts 100 blocks in a home view and rejects 101', () => {
    const view = (n: number) => ({
      type: 'home',
      blocks: Array.from({ length: n }, () => ({ type: 'divider' })),
    });
    expect(validateView(view(100))).toEqual([]);
    expect(errors(validateView(view(101)))).toEqual(['invalid_blocks']);
  });

  it('rejects a view over 250 kB', () => {
    const blocks = Array.from({ length: 100 }, () => section('x'.repeat(2600)));
    expect(errors(validateView({ type: 'home', blocks }))).toContain('view_too_large');
  });
});
