import { assertWithinSlackLimits } from '@osm-feature-bot/slack-standin';
import type { KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { diffRegistries } from '../../../../src/registry/history/diff.js';
import { NOTICE_HEADER, renderChangeNotice } from '../../../../src/render/slack/notice.js';
import { realRegistry, withAdded, withFeature } from '../../../harness/registry-fixtures.js';
import { mutateRegistry, syntheticRegistry } from '../../../harness/synthetic-registry.js';

const before = realRegistry();

function sectionTexts(blocks: KnownBlock[]): string[] {
  return blocks.filter((b): b is SectionBlock => b.type === 'section').map((b) => b.text?.text ?? '');
}

describe('renderChangeNotice', () => {
  it('a promotion: header, the change line, then what the new state promises', () => {
    const after = withFeature(before, 'multicluster', { state: 'Beta', history: undefined });
    const msg = renderChangeNotice(diffRegistries(before, after), after);
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: NOTICE_HEADER } });
    const [line] = sectionTexts(msg.blocks);
    expect(line).toContain('*Multicluster*: Alpha → Beta (promoted)');
    expect(line).toContain(`Support: ${after.states.Beta.support}`);
    expect(line).toContain(`Deprecation: ${after.states.Beta.deprecation_policy}`);
    expect(msg.text).toBe(`${NOTICE_HEADER}: Multicluster: Alpha → Beta (promoted).`);
    expect(msg.blocks.at(-1)?.type).toBe('context');
    assertWithinSlackLimits(msg);
  });

  it('added and removed features say so; a removal quotes what its old state promised', () => {
    let after = withAdded(before, { id: 'mesh-expansion', name: 'Mesh expansion', state: 'Beta' });
    after = withFeature(after, 'circuit-breaking', null);
    const texts = sectionTexts(renderChangeNotice(diffRegistries(before, after), after).blocks).join('\n');
    expect(texts).toContain('*Mesh expansion*: added as');
    expect(texts).toContain('*Circuit breaking*: removed (was Alpha)');
    expect(texts).toContain(
      `Its Alpha deprecation policy promised: ${before.states.Alpha.deprecation_policy}`,
    );
  });

  it('orders state changes first, policies last', () => {
    let after = withFeature(before, 'osm-cli', { name: 'OSM command line' });
    after.states.Beta.support = 'Supported for a while.';
    after = withFeature(after, 'multicluster', { state: 'Beta', history: undefined });
    const texts = sectionTexts(renderChangeNotice(diffRegistries(before, after), after).blocks);
    expect(texts[0]).toContain('promoted');
    expect(texts.at(-1)).toContain('Beta support* changed');
  });

  it('escapes names from the registry', () => {
    const after = withFeature(before, 'multicluster', {
      name: 'Multi <!channel> & co',
      state: 'Beta',
      history: undefined,
    });
    const msg = renderChangeNotice(diffRegistries(before, after), after);
    expect(JSON.stringify(msg)).not.toContain('<!channel>');
    expect(JSON.stringify(msg)).toContain('&lt;!channel&gt; &amp; co');
  });

  it('a huge change-set stays within Block Kit limits and points to /osm-feature list', () => {
    const big = syntheticRegistry(before, 600);
    const changed = mutateRegistry(big, 50);
    const changes = diffRegistries(big, changed);
    expect(changes.length).toBeGreaterThan(200);
    const msg = renderChangeNotice(changes, changed);
    assertWithinSlackLimits(msg);
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    const summary = sectionTexts(msg.blocks).at(-1) ?? '';
    expect(summary).toMatch(
      /^…and \d+ more changes \(\d+ state changes\)\. See where every feature stands now with `\/osm-feature list`\.$/,
    );
    const shown = sectionTexts(msg.blocks).length - 1;
    expect(Number(/and (\d+) more/.exec(summary)?.[1]) + shown).toBe(changes.length);
    expect(msg.text).toMatch(/; and \d+ more\.$/);
  });

  it('summarises after maxDetailed when asked', () => {
    let after = withFeature(before, 'multicluster', { state: 'Beta', history: undefined });
    after = withFeature(after, 'circuit-breaking', { state: 'Beta', history: undefined });
    after = withFeature(after, 'distributed-tracing', null);
    const msg = renderChangeNotice(diffRegistries(before, after), after, { maxDetailed: 1 });
    expect(sectionTexts(msg.blocks).at(-1)).toContain('…and 2 more changes (1 state change, 1 removal)');
  });

  it('renders an empty change list as such (never an empty message)', () => {
    const msg = renderChangeNotice([], before);
    assertWithinSlackLimits(msg);
    expect(msg.text).toContain('no lifecycle changes');
  });
});
