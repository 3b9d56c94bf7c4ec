import { assertViewWithinSlackLimits } from '@osm-feature-bot/slack-standin';
import type { KnownBlock } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyFilter, type FeatureFilter } from '../../../../src/registry/query/feature-filter.js';
import type { Registry } from '../../../../src/registry/schema.js';
import { renderHome } from '../../../../src/render/slack/home.js';
import { HOME_PAGE_SIZE } from '../../../../src/render/slack/home-sections.js';
import { ACTION_IDS } from '../../../../src/render/slack/ids.js';
import { decodeListFilter, encodeListFilter } from '../../../../src/render/slack/list-filter-value.js';
import { loadRegistryFile } from '../../../../src/sources/read-registry.js';
import { syntheticRegistry } from '../../../harness/synthetic-registry.js';

let registry: Registry;
let big: Registry;
beforeAll(async () => {
  const loaded = await loadRegistryFile('tests/fixtures/registry/osm.yml');
  if (!loaded.ok) throw new Error('the registry fixture does not load');
  registry = loaded.registry;
  big = syntheticRegistry(registry, 10_000);
});

const text = (blocks: readonly KnownBlock[]): string => JSON.stringify(blocks);

/** Every element with an action id, wherever it sits (actions blocks, input blocks). */
function elements(blocks: readonly KnownBlock[]): Record<string, unknown>[] {
  return blocks.flatMap((b) => {
    if (b.type === 'actions') return b.elements as unknown as Record<string, unknown>[];
    if (b.type === 'input') return [b.element as unknown as Record<string, unknown>];
    return [];
  });
}

function featureLines(blocks: readonly KnownBlock[]): number {
  return blocks
    .filter((b) => b.type === 'section' && b.text)
    .flatMap((b) => (b.type === 'section' && b.text ? b.text.text.split('\n') : []))
    .filter((l) => /^:(test_tube|large_blue_diamond|white_check_mark): /.test(l) && !l.includes(': *'))
    .length;
}

describe('Home dashboard', () => {
  it('shows counts per state, source, release, every category with badges, filters and search', () => {
    const view = renderHome(registry, { filter: {} });
    const all = text(view.blocks);
    expect(view.type).toBe('home');
    expect(all).toContain(':white_check_mark: Stable: *21*');
    expect(all).toContain('OSM Feature Lifecycle');
    expect(all).toContain('OSM v1.2');
    for (const c of registry.categories) expect(all).toContain(`*${c.name}*`);
    expect(featureLines(view.blocks)).toBe(30);
    expect(all).toContain(':test_tube: Multicluster');
    const ids = elements(view.blocks).map((e) => e.action_id);
    expect(ids).toEqual(
      expect.arrayContaining([
        ACTION_IDS.homeFilterState,
        ACTION_IDS.homeFilterCategory,
        ACTION_IDS.homeSearch,
      ]),
    );
    expect(all).toContain('No change has been announced yet.');
    assertViewWithinSlackLimits(view);
  });

  it('says when the last change was announced, escaped, with a date Slack localises', () => {
    const at = Date.UTC(2024, 0, 2, 3, 4, 5);
    const view = renderHome(registry, {
      filter: {},
      lastAnnouncement: { at, summary: 'Vault <!channel> → Beta' },
    });
    const all = text(view.blocks);
    expect(all).toContain(`<!date^${at / 1000}^`);
    expect(all).toContain('2024-01-02T03:04:05.000Z');
    expect(all).toContain('Vault &lt;!channel&gt; → Beta');
  });

  it('filters by state, category and search, and shows the choice in the selects', () => {
    const view = renderHome(registry, { filter: { state: 'Beta', category: 'security' } });
    const selects = elements(view.blocks).filter((e) => e.type === 'static_select');
    expect(selects.map((s) => (s.initial_option as { value: string }).value)).toEqual(['Beta', 'security']);
    const matching = applyFilter(registry, { state: 'Beta', category: 'security' });
    expect(featureLines(view.blocks)).toBe(matching.length);
    expect(text(view.blocks)).toContain('Clear filters');

    const searched = renderHome(registry, { filter: { query: 'multi cluster' } });
    expect(featureLines(searched.blocks)).toBe(1);
    expect(text(searched.blocks)).toContain(':test_tube: Multicluster');
    expect(featureLines(renderHome(registry, { filter: { query: 'CERT' } }).blocks)).toBeGreaterThan(2);
    const input = elements(searched.blocks).find((e) => e.action_id === ACTION_IDS.homeSearch);
    expect(input?.initial_value).toBe('multi cluster');
  });

  it('says so kindly when nothing matches', () => {
    const view = renderHome(registry, { filter: { query: 'zzzz' } });
    expect(text(view.blocks)).toContain('No feature matches');
    assertViewWithinSlackLimits(view);
  });

  it.each([0, 1, 57, 199, 5000])(
    'stays within 100 blocks and 250 kB with 10,000 features (page %i)',
    (page) => {
      const view = renderHome(big, { filter: {}, page });
      assertViewWithinSlackLimits(view);
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      expect(Buffer.byteLength(JSON.stringify(view))).toBeLessThan(250_000);
      expect(featureLines(view.blocks)).toBe(HOME_PAGE_SIZE);
    },
  );

  it('summarises the first page and pages with "Show more" carrying the next page', () => {
    const first = renderHome(big, { filter: {} });
    expect(text(first.blocks)).toContain('At a glance');
    const more = elements(first.blocks).find((e) => String(e.action_id).startsWith(ACTION_IDS.homeMore));
    expect(more?.value).toBe('1');
    expect(text(first.blocks)).toContain('Show more (51–100 of 10000)');

    const last = renderHome(big, { filter: {}, page: 10_000 });
    expect(text(last.blocks)).toContain('page 200 of 200');
    const buttons = elements(last.blocks).filter((e) => String(e.action_id).startsWith(ACTION_IDS.homeMore));
    expect(buttons.map((b) => b.value)).toEqual(['198']);
  });

  it('stays within limits with thousands of categories and very long names', () => {
    const categories = Array.from({ length: 2000 }, (_, i) => ({
      id: `c-${i}`,
      name: `Category ${'x'.repeat(200)} ${i}`,
      aliases: [],
    }));
    const features = big.features.map((f, i) => ({
      ...f,
      category: `c-${i % 2000}`,
      name: `${f.name} ${'y'.repeat(400)}`,
    }));
    const wide: Registry = { ...big, categories, features };
    for (const page of [0, 1, 150])
      assertViewWithinSlackLimits(renderHome(wide, { filter: { category: 'c-1500' }, page }));
    assertViewWithinSlackLimits(renderHome(wide, { filter: {}, page: 3 }));
    const first = renderHome(wide, { filter: {} });
    assertViewWithinSlackLimits(first);
    expect(text(first.blocks)).toContain('more categories');
  });
});

describe('list filter values', () => {
  it.each<FeatureFilter>([
    {},
    { state: 'Beta' },
    { category: 'security' },
    { state: 'Alpha', category: 'core', release: 'v1.0' },
  ])('round-trips %j and stays short', (filter) => {
    const value = encodeListFilter(filter);
    expect(value.length).toBeLessThanOrEqual(75);
    expect(decodeListFilter(value)).toEqual(filter);
  });

  it.each(['', 'Beta', 'v=2&s=Beta', 'v=1&s=Gamma', 'v=1&c=Not A Slug', 'v=1&r=latest'])(
    'rejects %j',
    (value) => {
      expect(decodeListFilter(value)).toBeUndefined();
    },
  );
});
