import { describe, expect, it } from 'vitest';
import { context, divider, fields, header, section } from '../../../src/render/blocks.js';
import { mrkdwnToText, renderPlainText } from '../../../src/render/text.js';

describe('mrkdwnToText', () => {
  it.each([
    ['*Multicluster* is _experimental_', 'Multicluster is experimental'],
    ['~gone~ and *bold _both_*', 'gone and bold both'],
    ['enable_multicluster_mode and 2*3*4', 'enable_multicluster_mode and 2*3*4'],
    [
      '<https://docs.openservicemesh.io/docs/guides/cli/|Docs>',
      'Docs (https://docs.openservicemesh.io/docs/guides/cli/)',
    ],
    ['<https://example.com/a_b_c/>', 'https://example.com/a_b_c/'],
    ['<@U123> <#C1|general> <!here>', '@U123 #general @here'],
    [':test_tube: Alpha :large_blue_diamond: Beta :white_check_mark: Stable', '🧪 Alpha 🔷 Beta ✅ Stable'],
    [':shield: :memo: :unknown_thing:', '🛡️ 📝 :unknown_thing:'],
    ['Tom &amp; Jerry &lt;b&gt;', 'Tom & Jerry <b>'],
    ['`/osm-feature *stable*`', '`/osm-feature *stable*`'],
    ['>quoted line\nnext', '  quoted line\nnext'],
  ])('%j → %j', (input, expected) => {
    expect(mrkdwnToText(input)).toBe(expected);
  });
});

describe('renderPlainText', () => {
  it('underlines the header, puts fields on one line each, keeps context and dividers', () => {
    const text = renderPlainText({
      text: 'fallback',
      blocks: [
        header('Multicluster'),
        fields(['*State*\n:test_tube: Alpha', '*Category*\nCore']),
        divider(),
        section('*Definition*\nFeature is experimental.'),
        context('Source: <https://example.com/|OSM Feature Lifecycle> · OSM v1.2'),
      ],
    });
    expect(text).toBe(
      [
        'Multicluster\n============',
        'State: 🧪 Alpha\nCategory: Core',
        '─'.repeat(40),
        'Definition\nFeature is experimental.',
        'Source: OSM Feature Lifecycle (https://example.com/) · OSM v1.2',
      ].join('\n\n'),
    );
  });

  it('falls back to the text when there are no blocks', () => {
    expect(renderPlainText({ text: '*Hi* &amp; bye', blocks: [] })).toBe('Hi & bye');
  });
});
