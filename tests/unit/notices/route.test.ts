import { describe, expect, it } from 'vitest';
import { matchesFilter, routeChanges } from '../../../src/notices/route.js';
import { type Change, diffRegistries } from '../../../src/registry/history/diff.js';
import type { Registry } from '../../../src/registry/schema.js';
import type { SubscriptionFilter } from '../../../src/registry/subscription-filter.js';
import { realRegistry, sub, withAdded, withFeature } from '../../harness/registry-fixtures.js';

const before = realRegistry();
/** One change of every kind, all in one change-set. */
function everyKind(): Registry {
  let after = withFeature(before, 'multicluster', { state: 'Beta', history: undefined });
  after = withFeature(after, 'control-plane-upgrade', { state: 'Alpha', history: undefined });
  after = withAdded(after, {
    id: 'mesh-expansion',
    name: 'Mesh expansion',
    category: 'security',
    state: 'Beta',
  });
  after = withFeature(after, 'distributed-tracing', null);
  after = withFeature(after, 'osm-cli', { name: 'OSM command line' });
  after = withFeature(after, 'circuit-breaking', { category: 'observability' });
  after.states.Stable.documentation = 'Documentation is thorough.';
  return after;
}
const after = everyKind();
const ctx = { before, after };
const changes = diffRegistries(before, after);

/** A short name for each change, for readable expectations. */
function label(c: Change): string {
  return c.kind === 'policy' ? `policy:${c.state}` : `${c.kind}:${c.feature.id}`;
}

describe('matchesFilter', () => {
  it('the fixture holds one change of every kind', () => {
    expect(changes.map(label).sort()).toEqual(
      [
        'added:mesh-expansion',
        'moved:circuit-breaking',
        'policy:Stable',
        'removed:distributed-tracing',
        'renamed:osm-cli',
        'state:control-plane-upgrade',
        'state:multicluster',
      ].sort(),
    );
  });

  it.each<[string, SubscriptionFilter, string[]]>([
    ['all', { kind: 'all' }, changes.map(label)],
    ['a feature: its own changes', { kind: 'feature', featureId: 'multicluster' }, ['state:multicluster']],
    [
      'a feature: its state’s policy change too',
      { kind: 'feature', featureId: 'osm-cli' },
      ['policy:Stable', 'renamed:osm-cli'],
    ],
    [
      'a category: features in it, and its state policies',
      { kind: 'category', categoryId: 'core' },
      ['policy:Stable', 'state:control-plane-upgrade', 'state:multicluster', 'renamed:osm-cli'],
    ],
    [
      'a category: a feature moved in, one removed from it',
      { kind: 'category', categoryId: 'observability' },
      ['policy:Stable', 'moved:circuit-breaking', 'removed:distributed-tracing'],
    ],
    [
      'a category: a feature moved out of it',
      { kind: 'category', categoryId: 'traffic-management' },
      ['policy:Stable', 'moved:circuit-breaking'],
    ],
    [
      'a state: into, out of, added in, removed from',
      { kind: 'state', state: 'Beta' },
      [
        'state:multicluster',
        'state:control-plane-upgrade',
        'added:mesh-expansion',
        'removed:distributed-tracing',
      ],
    ],
    [
      'a state: promotion out of it and demotion into it',
      { kind: 'state', state: 'Alpha' },
      ['state:multicluster', 'state:control-plane-upgrade'],
    ],
    ['a state: its policy', { kind: 'state', state: 'Stable' }, ['policy:Stable']],
    ['promotions', { kind: 'promotions' }, ['state:multicluster']],
    ['removals', { kind: 'removals' }, ['removed:distributed-tracing']],
  ])('%s', (_name, filter, expected) => {
    const matched = changes.filter((c) => matchesFilter(c, filter, ctx)).map(label);
    expect(matched.sort()).toEqual([...expected].sort());
  });
});

describe('routeChanges', () => {
  it('gives a channel one list with every change matching any of its filters, once, in change order', () => {
    const routed = routeChanges(
      changes,
      [
        sub('C1', { kind: 'promotions' }),
        sub('C1', { kind: 'feature', featureId: 'multicluster' }),
        sub('C1', { kind: 'removals' }),
      ],
      ctx,
    );
    const c1 = routed.find((r) => r.channelId === 'C1')?.changes ?? [];
    expect(c1.map(label)).toEqual(['state:multicluster', 'removed:distributed-tracing']);
    expect(c1).toEqual(changes.filter((c) => c1.includes(c)));
  });

  it('leaves out channels with nothing matching and inactive subscriptions', () => {
    const onlyPolicy = diffRegistries(before, withFeature(before, 'osm-cli', { name: 'OSM CLI tool' }));
    const routed = routeChanges(
      onlyPolicy,
      [
        sub('C1', { kind: 'promotions' }),
        sub('C2', { kind: 'all' }, { active: false }),
        sub('C3', { kind: 'all' }),
      ],
      { before, after: withFeature(before, 'osm-cli', { name: 'OSM CLI tool' }) },
    );
    expect(routed.map((r) => r.channelId)).toEqual(['C3']);
  });

  it('keeps channels in the order of their first subscription', () => {
    const routed = routeChanges(
      changes,
      [sub('C9', { kind: 'all' }), sub('C2', { kind: 'all' }), sub('C9', { kind: 'removals' })],
      ctx,
    );
    expect(routed.map((r) => r.channelId)).toEqual(['C9', 'C2']);
    expect(routed.find((r) => r.channelId === 'C9')?.changes).toHaveLength(changes.length);
  });

  it('keeps one channel id in two workspaces apart: each gets its own notice', () => {
    const routed = routeChanges(
      changes,
      [sub('C1', { kind: 'all' }), sub('C1', { kind: 'removals' }, { workspace: { teamId: 'T0OTHER' } })],
      ctx,
    );
    expect(routed.map((r) => [r.workspace.teamId, r.channelId, r.changes.length])).toEqual([
      ['T0TEST', 'C1', changes.length],
      ['T0OTHER', 'C1', 1],
    ]);
  });
});
