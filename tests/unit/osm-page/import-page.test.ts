import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { importMarkdownRegistry } from '../../../src/osm-page/import-page.js';
import { type Mapping, mappingFromRegistry } from '../../../src/osm-page/mapping.js';
import { formatRegistryError, parseRegistry } from '../../../src/registry/load.js';
import type { Registry } from '../../../src/registry/schema.js';
import { loadFixtureMapping } from '../../harness/fixture-mapping.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string): string => readFileSync(`${ROOT}${path}`, 'utf8');
const V10 = read('tests/fixtures/pages/feature_lifecycle_v1.0.md');
const V11 = read('tests/fixtures/pages/feature_lifecycle_v1.1.md');

let mapping: Mapping;
let features: Registry;
beforeAll(() => {
  const loaded = loadFixtureMapping();
  if (!loaded.ok) throw new Error(loaded.errors.map(formatRegistryError).join('\n'));
  mapping = loaded.mapping;
  const parsed = parseRegistry(read('tests/fixtures/registry/osm.yml'), 'tests/fixtures/registry/osm.yml');
  if (!parsed.ok) throw new Error('the registry fixture does not load');
  features = parsed.registry;
});

function imported(text: string, m: Mapping = mapping) {
  const result = importMarkdownRegistry(text, 'page.md', m);
  if (!result.ok) throw new Error(result.errors.map(formatRegistryError).join('\n'));
  return result;
}

/** The 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`fixture has no line with ${needle}`);
  return index + 1;
}

describe('importMarkdownRegistry: the upstream page', () => {
  it('imports the seed (v1.0) page: 29 features, 5 categories, the seed states', () => {
    const { registry } = imported(V10);
    expect(registry.features).toHaveLength(29);
    expect(registry.categories.map((c) => c.id)).toEqual([
      'core',
      'traffic-management',
      'security',
      'observability',
      'integrations',
    ]);
    const count = (state: string) => registry.features.filter((f) => f.state === state).length;
    expect([count('Alpha'), count('Beta'), count('Stable')]).toEqual([3, 5, 21]);
    expect(registry.features.find((f) => f.id === 'circuit-breaking')).toBeUndefined();
    // Every row keeps the state the page gives it, which is also what the registry fixture says.
    for (const feature of registry.features) {
      expect(feature.state, feature.name).toBe(features.features.find((f) => f.id === feature.id)?.state);
    }
    expect(registry.features.find((f) => f.id === 'distributed-tracing')?.name).toBe(
      'Distributed tracing with Jaegar',
    );
  });

  it('takes the state table word for word', () => {
    const { registry } = imported(V10);
    expect(registry.states).toEqual(features.states);
    expect(registry.states.Beta.deprecation_policy).toBe(
      'Feature will be supported for at least 2 minor releases, and will only be deprecated with advanced notice.',
    );
  });

  it('imports the v1.1 page: Circuit breaking added as Alpha in Traffic management → 30', () => {
    const { registry, warnings } = imported(V11);
    expect(registry.features).toHaveLength(30);
    expect(registry.features.find((f) => f.name === 'Circuit breaking')).toMatchObject({
      id: 'circuit-breaking',
      category: 'traffic-management',
      state: 'Alpha',
      history: [{ state: 'Alpha', since: 'v1.1' }],
    });
    expect(warnings).toEqual([]);
  });

  it('reproduces the registry fixture from the v1.1 page and its mapping', () => {
    expect(imported(V11).registry).toEqual(features);
  });

  it('round-trips: any registry comes back from its page and mappingFromRegistry', () => {
    expect(imported(V11, mappingFromRegistry(features)).registry).toEqual(features);
  });

  it('ignores front matter, <br/>, other sections with their tables, code fences and HTML comments', () => {
    const extra = `${V10}\n\n## Feature state notes\n\n\`\`\`\n### Fake\n| Feature | State |\n\`\`\`\n`;
    const withBr = V10.replace(
      '| Ingress gateway (Contour)            |',
      '| Ingress gateway<br/>(Contour) |',
    );
    expect(imported(extra).registry.features).toHaveLength(29);
    expect(imported(V11).registry.features).toHaveLength(30); // has a "Helm chart values deprecation" table
    const contour = imported(withBr).registry.features.find((f) => f.id === 'ingress-gateway-contour');
    expect(contour?.name).toBe('Ingress gateway (Contour)');
  });

  it('accepts a page without front matter (decision: the tables are what matter)', () => {
    const bare = V10.slice(V10.indexOf('# Feature Lifecycle'));
    expect(imported(bare).registry.features).toHaveLength(29);
  });
});

interface Broken {
  name: string;
  page: () => string;
  /** Expected "line:col: message" fragments; the line is computed from the fixture text. */
  expected: (page: string) => { line: number; col?: number; message: string }[];
}

const BROKEN: Broken[] = [
  {
    name: 'an unknown category',
    page: () => V10.replace('### Observability', '### Telemetry'),
    expected: (p) => [{ line: lineOf(p, '### Telemetry'), col: 5, message: 'unknown category "Telemetry"' }],
  },
  {
    name: 'an unknown state',
    page: () =>
      V10.replace(
        '| Dapr integration                  | Alpha |',
        '| Dapr integration                  | Gamma |',
      ),
    expected: (p) => [
      {
        line: lineOf(p, '| Dapr integration'),
        col: 39,
        message: 'unknown state "Gamma" for "Dapr integration"',
      },
    ],
  },
  {
    name: 'a feature table without its State column',
    page: () =>
      V10.replace(
        '| Feature                           | State |\n| --------------------------------- | ----- |\n| Progressive delivery with Flagger | Alpha |\n| Dapr integration                  | Alpha |',
        '| Feature |\n| --- |\n| Progressive delivery with Flagger |\n| Dapr integration |',
      ),
    expected: (p) => [
      { line: lineOf(p, '| Feature |'), message: 'feature table of "Integrations" has no "State" column' },
    ],
  },
  { name: 'an empty page', page: () => '', expected: () => [{ line: 1, col: 1, message: 'page is empty' }] },
  {
    name: 'a blank page',
    page: () => ' \n\n',
    expected: () => [{ line: 1, col: 1, message: 'page is empty' }],
  },
  {
    name: 'a duplicate feature',
    page: () => V10.replace('| Dapr integration                  | Alpha |', '| OSM CLI | Alpha |'),
    expected: (p) => [
      {
        line: p.split('\n').findLastIndex((l) => l.startsWith('| OSM CLI')) + 1,
        col: 3,
        message: `duplicate feature "OSM CLI" (first listed on line ${lineOf(p, '| OSM CLI')})`,
      },
    ],
  },
  {
    name: 'no feature tables',
    page: () => V10.slice(0, V10.indexOf('### Core')),
    expected: (p) => [
      { line: lineOf(p, '## Feature state'), message: 'no feature tables under "## Feature state"' },
    ],
  },
  {
    name: 'no "Feature versioning" section',
    page: () => V10.replace('## Feature versioning', '## Versions'),
    expected: () => [{ line: 1, col: 1, message: 'missing section "## Feature versioning"' }],
  },
  {
    name: 'a state table without its Stable column',
    page: () => V10.replaceAll(/^(\|[^|\n]*\|[^|\n]*\|[^|\n]*\|)[^|\n]*\|$/gm, '$1'),
    expected: (p) => [{ line: lineOf(p, '| Alpha'), message: 'state table has no "Stable" column' }],
  },
  {
    name: 'a state table with a "Gamma" column',
    page: () => V10.replace(/\| Stable(\s+)\|\n/, '| Gamma$1|\n'),
    expected: (p) => [
      { line: lineOf(p, '| Gamma'), message: 'unknown state "Gamma" in the state table header' },
    ],
  },
  {
    name: 'a state table without its Stability row',
    page: () => V10.replace(/^\| Stability .*\n/m, ''),
    expected: (p) => [{ line: lineOf(p, '| Alpha'), message: 'state table has no "Stability" row' }],
  },
  {
    name: 'an unknown row in the state table',
    page: () => V10.replace('| Stability          |', '| Stableness         |'),
    expected: (p) => [{ line: lineOf(p, '| Stableness'), col: 3, message: 'unknown row "Stableness"' }],
  },
  {
    name: 'front matter that is never closed',
    page: () => `---\ntitle: x\n${V10.slice(V10.indexOf('# Feature Lifecycle'))}`,
    expected: () => [{ line: 1, col: 1, message: 'front matter is never closed' }],
  },
  {
    name: 'a table outside a category and a category without a table',
    page: () =>
      V10.replace('### Core\n', '').replace('### Integrations', '### Integrations\n\nNo table.\n\n### Core'),
    expected: (p) => [
      { line: lineOf(p, '| OSM CLI') - 2, message: 'feature table outside a category' },
      {
        line: lineOf(p, '### Integrations'),
        message: 'category "Integrations" has no | Feature | State | table',
      },
    ],
  },
  {
    name: 'a category listed twice',
    page: () => V10.replace('### Integrations', '### Core'),
    expected: (p) => [
      {
        line: p.split('\n').lastIndexOf('### Core') + 1,
        message: `category "Core" appears twice (first on line ${lineOf(p, '### Core')})`,
      },
    ],
  },
  {
    name: 'a row with three cells',
    page: () =>
      V10.replace(
        '| Multicluster                                   | Alpha  |',
        '| Multicluster | Alpha | new |',
      ),
    expected: (p) => [{ line: lineOf(p, '| Multicluster |'), message: 'row has 3 cells; expected 2' }],
  },
];

describe('importMarkdownRegistry: a page whose shape changed', () => {
  it.each(BROKEN)('$name → an error at the line, and no registry', ({ page, expected }) => {
    const text = page();
    const result = importMarkdownRegistry(text, 'page.md', mapping);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    for (const want of expected(text)) {
      const hit = errors.find((e) => e.message.includes(want.message));
      expect(hit, `${want.message} in ${errors.map(formatRegistryError).join('\n')}`).toBeDefined();
      expect(hit?.file).toBe('page.md');
      expect(hit?.line).toBe(want.line);
      if (want.col !== undefined) expect(hit?.col).toBe(want.col);
    }
  });
});
