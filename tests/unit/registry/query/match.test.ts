import { beforeAll, describe, expect, it } from 'vitest';
import { findFeature, typoBudget } from '../../../../src/registry/query/match.js';
import type { Registry } from '../../../../src/registry/schema.js';
import { loadRegistryFile } from '../../../../src/sources/read-registry.js';
import { syntheticRegistry } from '../../../harness/synthetic-registry.js';

let registry: Registry;
beforeAll(async () => {
  const loaded = await loadRegistryFile('tests/fixtures/registry/osm.yml');
  if (!loaded.ok) throw new Error('the registry fixture does not load');
  registry = loaded.registry;
});

const found = (query: string): string | undefined => {
  const m = findFeature(registry, query);
  return m.kind === 'found' ? m.feature.id : undefined;
};

describe('findFeature', () => {
  it.each([
    ['multicluster', 'multicluster', 'exact'],
    ['MULTI CLUSTER', 'multicluster', 'exact'],
    ['Distributed tracing with Jaegar', 'distributed-tracing', 'exact'],
    ['distributed-tracing', 'distributed-tracing', 'exact'],
    ['hashicorp vault', 'certificate-provider-vault', 'exact'],
    ['sidecar injection', 'automatic-sidecar-injection', 'exact'],
    ['multicluser', 'multicluster', 'typo'],
    ['prometheos', 'prometheus-integration', 'typo'],
    ['flager', 'flagger-progressive-delivery', 'typo'],
  ])('%s → %s (%s)', (query, id, via) => {
    const m = findFeature(registry, query);
    expect(m.kind).toBe('found');
    if (m.kind === 'found') {
      expect(m.feature.id).toBe(id);
      expect(m.via).toBe(via);
    }
  });

  it('matches on every word of the name', () => {
    expect(found('tcp routing')).toBe('tcp-routing');
    expect(found('the Grafana integration')).toBe('grafana-integration');
  });

  it('answers "did you mean" when several features are as close', () => {
    const m = findFeature(registry, 'certificate provider');
    expect(m.kind).toBe('ambiguous');
    if (m.kind === 'ambiguous') {
      expect(m.candidates.map((c) => c.id).sort()).toEqual([
        'certificate-provider-cert-manager',
        'certificate-provider-tresor',
        'certificate-provider-vault',
      ]);
    }
  });

  it('says nothing matched, with the nearest names, when nothing is close', () => {
    const m = findFeature(registry, 'kubernetes operator');
    expect(m.kind).toBe('none');
    if (m.kind === 'none') expect(m.suggestions.length).toBeGreaterThan(0);
    expect(findFeature(registry, '   ').kind).toBe('none');
  });

  it('gives short words no typo budget, so "abc" is not a typo of anything', () => {
    expect(typoBudget(3)).toBe(0);
    expect(findFeature(registry, 'zzz').kind).toBe('none');
  });

  it('finds exact and typo matches in a 10,000-feature registry', () => {
    const big = syntheticRegistry(registry, 10_000);
    const target = big.features[4321];
    if (!target) throw new Error('synthetic registry too small');
    const exact = findFeature(big, target.name);
    expect(exact.kind === 'found' && exact.feature.id).toBe(target.id);
    const typo = findFeature(big, `${target.name.slice(0, -6)}x${target.name.slice(-5)}`);
    expect(
      typo.kind === 'found'
        ? typo.feature.id
        : typo.kind === 'ambiguous'
          ? typo.candidates.map((c) => c.id)
          : 'none',
    ).toContain(target.id);
  });
});
