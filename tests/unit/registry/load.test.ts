import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatRegistryError, RegistryLoadError } from '../../../src/registry/load.js';
import { compactKey } from '../../../src/registry/normalize.js';
import { POLICY_FIELDS, type PolicyField, type Registry } from '../../../src/registry/schema.js';
import { loadRegistryFile } from '../../../src/sources/read-registry.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FEATURES_YML = `${ROOT}tests/fixtures/registry/osm.yml`;
// A verbatim copy of /work/shared/seed/feature_lifecycle.md (the page is frozen), so the test is hermetic.
const SEED_MD = `${ROOT}tests/fixtures/registry/feature_lifecycle.seed.md`;
const fixture = (name: string): string => `${ROOT}tests/fixtures/registry/${name}`;

/** Cells of a markdown table row, trimmed, without the empty edges. */
const cells = (row: string): string[] =>
  row
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());

type Policy = Record<PolicyField, string>;

/** The seed page, parsed: the state table and the feature tables in page order. */
function readSeed(): { states: Record<string, Policy>; sections: [string, string[][]][] } {
  const lines = readFileSync(SEED_MD, 'utf8').split('\n');
  const states: Record<string, Policy> = {};
  const sections: [string, string[][]][] = [];
  for (const line of lines) {
    if (line.startsWith('### ')) sections.push([line.slice(4).trim(), []]);
    if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue;
    const [label = '', ...rest] = cells(line);
    // "Deprecation Policy" → deprecation_policy
    const field = POLICY_FIELDS.find((f) => f === label.toLowerCase().replaceAll(' ', '_'));
    if (field) {
      ['Alpha', 'Beta', 'Stable'].forEach((state, i) => {
        states[state] = { ...states[state], [field]: rest[i] ?? '' } as Policy;
      });
    } else if (sections.length > 0 && label !== 'Feature') {
      sections.at(-1)?.[1].push([label, rest[0] ?? '']);
    }
  }
  return { states, sections };
}

async function loadReal(): Promise<Registry> {
  const result = await loadRegistryFile(FEATURES_YML);
  if (!result.ok) throw new RegistryLoadError(result.errors);
  return result.registry;
}

async function errorsOf(name: string): Promise<string[]> {
  const result = await loadRegistryFile(fixture(name));
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatRegistryError);
}

describe('tests/fixtures/registry/osm.yml', () => {
  it('loads with 30 features in the 5 categories of the page, in page order', async () => {
    const registry = await loadReal();
    expect(registry.features).toHaveLength(30);
    expect(registry.categories.map((c) => c.name)).toEqual(readSeed().sections.map(([name]) => name));
    const ids = registry.categories.map((c) => c.id).join(' ');
    expect(ids).toBe('core traffic-management security observability integrations');
    expect(registry.current_release).toBe('v1.2');
    const releases = registry.releases?.map((r) => `${r.name} ${r.date}`).join(', ');
    expect(releases).toBe('v1.0 2022-01-25, v1.1 2022-04-14, v1.2 2022-07-20');
  });

  it('copies the state definitions from the seed page word for word', async () => {
    const registry = await loadReal();
    const { states } = readSeed();
    expect(Object.keys(states)).toEqual(['Alpha', 'Beta', 'Stable']);
    for (const state of ['Alpha', 'Beta', 'Stable'] as const) {
      for (const field of POLICY_FIELDS) {
        expect(registry.states[state][field], `${state}.${field}`).toBe(states[state]?.[field]);
      }
    }
  });

  it('lists every feature of the seed page with its name and state, plus Circuit breaking from v1.1', async () => {
    const registry = await loadReal();
    const { sections } = readSeed();
    const expected = sections.flatMap(([category, rows]) =>
      rows.map(([name, state]) => [category, name, state]),
    );
    expect(expected).toHaveLength(29);
    const categoryName = new Map(registry.categories.map((c) => [c.id, c.name]));
    const actual = registry.features
      .filter((f) => f.id !== 'circuit-breaking')
      .map((f) => [categoryName.get(f.category), f.name, f.state]);
    expect(actual).toEqual(expected);

    const circuit = registry.features.find((f) => f.id === 'circuit-breaking');
    const traffic = registry.features.filter((f) => f.category === 'traffic-management');
    expect(traffic.at(-1)).toBe(circuit);
    expect(circuit).toMatchObject({ name: 'Circuit breaking', state: 'Alpha' });
    expect(circuit?.history).toEqual([{ state: 'Alpha', since: 'v1.1' }]);
  });

  it('counts 21 Stable, 5 Beta and 4 Alpha features; multicluster is Alpha with a removal note', async () => {
    const registry = await loadReal();
    const count = (state: string): number => registry.features.filter((f) => f.state === state).length;
    expect([count('Stable'), count('Beta'), count('Alpha')]).toEqual([21, 5, 4]);
    const multicluster = registry.features.find((f) => f.id === 'multicluster');
    expect(multicluster?.state).toBe('Alpha');
    expect(multicluster?.notes?.[0]).toMatchObject({
      release: 'v1.2',
      source: 'osm commit e3700d677 (2022-06-17)',
    });
    for (const f of registry.features.filter((f) => f.id !== 'circuit-breaking')) {
      expect(f.history, f.id).toEqual([{ state: f.state, since: 'v1.0' }]);
    }
  });

  it('carries the aliases people type, each pointing at exactly one feature', async () => {
    const registry = await loadReal();
    const owner = new Map<string, string>();
    for (const f of registry.features) for (const a of f.aliases) owner.set(compactKey(a), f.id);
    expect(owner.size).toBe(
      registry.features.reduce((n, f) => n + new Set(f.aliases.map(compactKey)).size, 0),
    );
    const expectations: Record<string, string[]> = {
      'distributed-tracing': ['jaeger', 'jaegar', 'tracing'],
      'automatic-mtls': ['mtls', 'mutual tls'],
      'certificate-provider-vault': ['vault', 'hashicorp vault'],
      'certificate-provider-cert-manager': ['cert-manager'],
      'ingress-gateway-contour': ['contour', 'ingress gateway'],
      'traffic-access-control': ['smi'],
      'traffic-shifting': ['traffic split', 'smi traffic split'],
      multicluster: ['multi-cluster', 'multi cluster'],
      'application-protocols': ['grpc', 'http2', 'protocols'],
      'flagger-progressive-delivery': ['flagger', 'progressive delivery'],
      'circuit-breaking': ['circuit breaker'],
      'control-plane-upgrade': ['upgrade'],
      'certificate-provider-tresor': ['tresor'],
      'dapr-integration': ['dapr'],
      'osm-cli': ['cli'],
      'ingress-mutual-tls': ['ingress mtls'],
    };
    for (const [id, aliases] of Object.entries(expectations)) {
      for (const alias of aliases) expect(owner.get(compactKey(alias)), alias).toBe(id);
    }
  });
});

describe('registry fixtures', () => {
  it('loads the good fixture', async () => {
    const result = await loadRegistryFile(fixture('good.yml'));
    const ids = result.ok && result.registry.features.map((f) => f.id).join(' ');
    expect(ids).toBe('osm-cli multicluster distributed-tracing');
  });

  it.each([
    ['empty.yml', ['1:1: registry is empty']],
    [
      'malformed.yml',
      ['11:11: Nested mappings are not allowed in compact mappings', '17:5: Map keys must be unique'],
    ],
    [
      'duplicate-id.yml',
      [
        '12:11: duplicate feature id "osm-cli" (first defined on line 10)',
        '13:26: duplicate feature name "osm cli" (first defined on line 10)',
      ],
    ],
    [
      'duplicate-alias.yml',
      [
        '19:30: duplicate alias "OSM-Metrics" (already an alias of "control-plane-metrics" on line 14)',
        '19:43: alias "control plane metrics" equals the name of feature "control-plane-metrics" (line 11)',
        '19:66: alias "metrics" clashes with category "observability"',
        '19:75: alias "beta" is a state name',
      ],
    ],
    [
      'bad-state.yml',
      [
        '13:12: unknown state "Gamma" (expected Alpha, Beta or Stable)',
        '19:18: unknown state "Experimental" (expected Alpha, Beta or Stable)',
      ],
    ],
    [
      'unknown-category.yml',
      ['11:63: unknown category "integrations" (expected one of core, observability)'],
    ],
    [
      'missing-field.yml',
      [
        '10:5: features[0]: missing required field "name"',
        '13:5: features[1]: missing required field "state"',
      ],
    ],
  ])('%s reports every error at its line and column', async (name, expected) => {
    expect(await errorsOf(name)).toEqual(expected.map((e) => `${fixture(name)}:${e}`));
  });
});
