import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffRegistries, featuresOf } from '../../../../src/registry/history/diff.js';
import { parseRegistry } from '../../../../src/registry/load.js';
import { realRegistry, withAdded, withFeature } from '../../../harness/registry-fixtures.js';

const before = realRegistry();

describe('diffRegistries, one kind at a time', () => {
  it('added', () => {
    const after = withAdded(before, { id: 'mesh-expansion', name: 'Mesh expansion', state: 'Beta' });
    expect(diffRegistries(before, after)).toEqual([
      { kind: 'added', feature: expect.objectContaining({ id: 'mesh-expansion', state: 'Beta' }) },
    ]);
  });

  it('removed, carrying its old state’s deprecation policy', () => {
    const after = withFeature(before, 'circuit-breaking', null);
    expect(diffRegistries(before, after)).toEqual([
      {
        kind: 'removed',
        feature: expect.objectContaining({ id: 'circuit-breaking' }),
        policyBefore: before.states.Alpha.deprecation_policy,
      },
    ]);
  });

  it.each([
    ['multicluster', 'Beta', 'Alpha', 'promoted'],
    ['control-plane-upgrade', 'Stable', 'Beta', 'promoted'],
    ['osm-cli', 'Alpha', 'Stable', 'demoted'],
  ] as const)('%s → %s is a state change (%s, from %s)', (id, to, from, direction) => {
    const after = withFeature(before, id, { state: to, history: undefined });
    expect(diffRegistries(before, after)).toEqual([
      { kind: 'state', feature: expect.objectContaining({ id }), from, to, direction },
    ]);
  });

  it('renamed', () => {
    const after = withFeature(before, 'osm-cli', { name: 'OSM command line' });
    expect(diffRegistries(before, after)).toMatchObject([
      { kind: 'renamed', from: 'OSM CLI', to: 'OSM command line' },
    ]);
  });

  it('moved, with category names', () => {
    const after = withFeature(before, 'circuit-breaking', { category: 'observability' });
    expect(diffRegistries(before, after)).toMatchObject([
      { kind: 'moved', fromCategory: 'Traffic management', toCategory: 'Observability' },
    ]);
  });

  it('policy changed, listing the features in that state', () => {
    const after = structuredClone(before);
    after.states.Beta.support = 'Supported for two releases.';
    const changes = diffRegistries(before, after);
    expect(changes).toMatchObject([
      { kind: 'policy', state: 'Beta', field: 'support', after: 'Supported for two releases.' },
    ]);
    const betaIds = before.features.filter((f) => f.state === 'Beta').map((f) => f.id);
    expect(changes[0] && featuresOf(changes[0]).map((f) => f.id)).toEqual(betaIds);
  });
});

describe('diffRegistries, combinations', () => {
  it('one feature promoted, renamed and moved at once gives three changes', () => {
    const after = withFeature(before, 'multicluster', {
      state: 'Beta',
      history: undefined,
      name: 'Multi-cluster',
      category: 'traffic-management',
    });
    expect(diffRegistries(before, after).map((c) => c.kind)).toEqual(['state', 'renamed', 'moved']);
  });

  it('a removal and an addition with a new id are not a rename', () => {
    const removed = withFeature(before, 'circuit-breaking', null);
    const after = withAdded(removed, {
      id: 'circuit-breaker',
      name: 'Circuit breaking',
      category: 'traffic-management',
    });
    expect(
      diffRegistries(before, after)
        .map((c) => c.kind)
        .sort(),
    ).toEqual(['added', 'removed']);
  });
});

describe('diffRegistries, what is not a change', () => {
  const text = readFileSync('tests/fixtures/registry/osm.yml', 'utf8');
  const parse = (t: string) => {
    const parsed = parseRegistry(t, 'x.yml');
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
    return parsed.registry;
  };

  it('comments and blank lines', () => {
    const edited = text.replace('categories:', '# a new comment\n\ncategories:  # trailing comment');
    expect(diffRegistries(before, parse(edited))).toEqual([]);
  });

  it('spacing inside a policy text', () => {
    const edited = text.replace(
      'None. Can be deprecated at any time.',
      'None.   Can be  deprecated at any time. ',
    );
    expect(diffRegistries(before, parse(edited))).toEqual([]);
  });

  it('reordered features and categories', () => {
    const reordered = {
      ...before,
      features: [...before.features].reverse(),
      categories: [...before.categories].reverse(),
    };
    expect(diffRegistries(before, reordered)).toEqual([]);
  });

  it('an edited summary or alias (not lifecycle facts)', () => {
    const after = withFeature(before, 'multicluster', { summary: 'Something else.', aliases: ['mc'] });
    expect(diffRegistries(before, after)).toEqual([]);
  });
});
