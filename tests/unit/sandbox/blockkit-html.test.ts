import { describe, expect, it } from 'vitest';
import {
  actions,
  button,
  context,
  divider,
  fields,
  header,
  section,
} from '../../../src/render/slack/blocks.js';
import { blocksToHtml, placeholderHtml, textObjectHtml } from '../../../src/sandbox/blockkit-html.js';
import { loadRegistryFile } from '../../../src/sources/read-registry.js';
import { cardMessage } from '../../harness/answers.js';

describe('blocksToHtml', () => {
  it('renders header, section text and fields, context and divider', () => {
    const html = blocksToHtml([
      header('Multicluster'),
      fields(['*State*\n:test_tube: Alpha', '*Category*\nCore']),
      section('Some _text_'),
      divider(),
      context('Source: <https://docs.openservicemesh.io|OSM docs>'),
    ]);
    expect(html).toContain('<h3 class="bk-header">Multicluster</h3>');
    expect(html).toContain('<div class="bk-fields"><div class="bk-field"><strong>State</strong><br>');
    expect(html).toContain('🧪');
    expect(html).toContain('<div class="bk-text">Some <em>text</em></div>');
    expect(html).toContain('<hr class="bk-divider">');
    expect(html).toContain(
      '<div class="bk-context"><span class="bk-context-item">Source: <a class="mk-link"',
    );
  });

  it('makes buttons and static selects that carry what block_actions needs', () => {
    const html = blocksToHtml([
      actions('filters', [
        button('Share', 'osm_share_card', 'multicluster', 'primary'),
        {
          type: 'static_select',
          action_id: 'osm_filter_state',
          placeholder: { type: 'plain_text', text: 'State' },
          initial_option: { text: { type: 'plain_text', text: 'Beta' }, value: 'beta' },
          options: [
            { text: { type: 'plain_text', text: 'Alpha' }, value: 'alpha' },
            { text: { type: 'plain_text', text: 'Beta' }, value: 'beta' },
          ],
        },
      ]),
    ]);
    expect(html).toContain(
      '<button type="button" class="bk-button bk-primary" data-action-id="osm_share_card" data-action-type="button" data-block-id="filters" data-value="multicluster">Share</button>',
    );
    expect(html).toContain('<select class="bk-select" aria-label="State" data-action-id="osm_filter_state"');
    expect(html).toContain('<option value="beta" selected>Beta</option>');
    expect(html).toContain('<option value="alpha">Alpha</option>');
  });

  it('renders a section accessory button beside the text', () => {
    const html = blocksToHtml([
      {
        type: 'section',
        block_id: 'b1',
        text: { type: 'mrkdwn', text: 'x' },
        accessory: button('Go', 'go', 'v'),
      },
    ]);
    expect(html).toMatch(/<div class="bk-accessory"><button [^>]*data-block-id="b1"/);
  });

  it.each([
    [{ type: 'rich_text', elements: [] }, 'block: rich_text'],
    [{ type: 'input', label: { type: 'plain_text', text: 'x' } }, 'block: input'],
    [{ nonsense: true }, 'block: unknown'],
    [actions('a', [{ type: 'overflow', action_id: 'o', options: [] }]), 'element: overflow'],
    [{ type: 'section', text: { type: 'weird', text: 'x' } }, 'element: weird'],
  ])('shows a visible placeholder for what it cannot render (%j)', (block, label) => {
    expect(blocksToHtml([block])).toContain(`[unsupported ${label}]`);
  });

  it('escapes everything that comes from the payload, including types and ids', () => {
    const html = blocksToHtml([
      { type: '<img src=x onerror=alert(1)>' },
      header('<script>alert(1)</script>'),
      actions('"><script>', [button('<b>x</b>', '"onclick="alert(1)', '"v')]),
      { type: 'image', image_url: 'javascript:alert(1)', alt_text: 'x' },
    ]);
    expect(html).not.toMatch(/<script|<img|<b>|" onclick|"onclick="alert/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('[unsupported element: image]');
  });

  it('renders the real feature card with every part visible', async () => {
    const loaded = await loadRegistryFile('tests/fixtures/registry/osm.yml');
    if (!loaded.ok) throw new Error('registry did not load');
    const feature = loaded.registry.features.find((f) => f.id === 'multicluster');
    if (!feature) throw new Error('no multicluster feature');
    const html = blocksToHtml(cardMessage(feature, loaded.registry).blocks);
    expect(html).toContain('<h3 class="bk-header">Multicluster</h3>');
    expect(html).toContain('None. Can be deprecated at any time.');
    expect(html).not.toContain('unsupported');
  });
});

describe('placeholderHtml and textObjectHtml', () => {
  it('names the type, escaped', () => {
    expect(placeholderHtml('block', '<x>')).toBe(
      '<span class="bk-unsupported" data-type="&lt;x&gt;">[unsupported block: &lt;x&gt;]</span>',
    );
  });

  it('treats plain_text literally and mrkdwn as mrkdwn', () => {
    expect(textObjectHtml({ type: 'plain_text', text: '*a*' })).toBe('*a*');
    expect(textObjectHtml({ type: 'mrkdwn', text: '*a*' })).toBe('<strong>a</strong>');
  });
});
