import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectAndParseRegistry, detectRegistryFormat } from '../../../src/osm-page/detect.js';
import { importMarkdownRegistry } from '../../../src/osm-page/import-page.js';
import { type Mapping, parseMapping } from '../../../src/osm-page/mapping.js';
import { reconcileHistory } from '../../../src/osm-page/merge.js';
import { diffRegistries } from '../../../src/registry/history/diff.js';
import { formatRegistryError } from '../../../src/registry/load.js';
import { loadFixtureMapping } from '../../harness/fixture-mapping.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string): string => readFileSync(`${ROOT}${path}`, 'utf8');
const V10 = read('tests/fixtures/pages/feature_lifecycle_v1.0.md');
const V11 = read('tests/fixtures/pages/feature_lifecycle_v1.1.md');
const lineOf = (text: string, needle: string): number =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

let mapping: Mapping;
beforeAll(() => {
  const loaded = loadFixtureMapping();
  if (!loaded.ok) throw new Error(loaded.errors.map(formatRegistryError).join('\n'));
  mapping = loaded.mapping;
});

const withFeature = (
  id: string,
  change: (f: Mapping['features'][number]) => Mapping['features'][number],
) => ({
  ...mapping,
  features: mapping.features.map((f) => (f.id === id ? change(f) : f)),
});

describe('the mapping', () => {
  it('data/osm-mapping.yml knows the 5 categories and 30 features, v1.0–v1.2, current v1.2', () => {
    expect(mapping.categories).toHaveLength(5);
    expect(mapping.features).toHaveLength(30);
    expect(mapping.releases?.map((r) => r.name)).toEqual(['v1.0', 'v1.1', 'v1.2']);
    expect(mapping.current_release).toBe('v1.2');
  });

  it('reports a bad mapping at its own line', () => {
    const text = 'source: { name: x }\ncategories: []\nfeatures:\n  - name: A\n    id: Not A Slug\n';
    const result = parseMapping(text, 'm.yml');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map(formatRegistryError)).toEqual([
      expect.stringMatching(/^m\.yml:5:9: features\.0\.id: must be a lowercase slug/),
    ]);
  });

  it('rejects two entries claiming the same page name', () => {
    const text =
      'source: { name: x }\ncategories: []\nfeatures:\n  - { name: A, id: a }\n  - { name: a, id: b }\n';
    const result = parseMapping(text, 'm.yml');
    expect(result.ok ? [] : result.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '5: page name "a" is mapped twice (also to "a")',
    ]);
  });
});

describe('applying the mapping', () => {
  it('gives a row the mapping does not know a slug id, no aliases, history since current_release, and a warning', () => {
    const text = V10.replace(
      '| Ingress gateway (Contour)            | Beta   |',
      '| Rate limiting (local) | Beta |',
    );
    const result = importMarkdownRegistry(text, 'page.md', mapping);
    if (!result.ok) throw new Error(result.errors.map(formatRegistryError).join('\n'));
    expect(result.registry.features.find((f) => f.name === 'Rate limiting (local)')).toEqual({
      id: 'rate-limiting-local',
      name: 'Rate limiting (local)',
      category: 'traffic-management',
      state: 'Beta',
      aliases: [],
      history: [{ state: 'Beta', since: 'v1.2' }],
    });
    const warning = result.warnings.find((w) => w.message.includes('Rate limiting'));
    expect(warning).toMatchObject({ line: lineOf(text, '| Rate limiting'), col: 3 });
    expect(warning?.message).toContain('is not in the mapping: given id "rate-limiting-local"');
  });

  it('keeps the id of a row the page renamed when the old name is under former_names: the diff says renamed', () => {
    const renamed = V10.replace('Distributed tracing with Jaegar', 'Distributed tracing with Jaeger');
    const m = withFeature('distributed-tracing', (f) => ({
      ...f,
      name: 'Distributed tracing with Jaeger',
      former_names: ['Distributed tracing with Jaegar'],
    }));
    const before = importMarkdownRegistry(V10, 'old.md', m);
    const after = importMarkdownRegistry(renamed, 'new.md', m);
    if (!before.ok || !after.ok) throw new Error('import failed');
    expect(diffRegistries(before.registry, after.registry)).toEqual([
      expect.objectContaining({
        kind: 'renamed',
        from: 'Distributed tracing with Jaegar',
        to: 'Distributed tracing with Jaeger',
      }),
    ]);
  });

  it('records a state the page changed as entered in current_release, and warns', () => {
    const promoted = V11.replace(
      '| Circuit breaking                     | Alpha  |',
      '| Circuit breaking | Beta |',
    );
    const result = importMarkdownRegistry(promoted, 'page.md', mapping);
    if (!result.ok) throw new Error('import failed');
    expect(result.registry.features.find((f) => f.id === 'circuit-breaking')?.history).toEqual([
      { state: 'Alpha', since: 'v1.1' },
      { state: 'Beta', since: 'v1.2' },
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining(
        '"Circuit breaking": the page says Beta but the mapping\'s history says Alpha since v1.1',
      ),
    ]);
  });

  it.each([
    [
      'same state',
      [{ state: 'Alpha', since: 'v1.0' }],
      'Alpha',
      'v1.1',
      [{ state: 'Alpha', since: 'v1.0' }],
      0,
    ],
    [
      'later entries cut',
      [
        { state: 'Alpha', since: 'v1.0' },
        { state: 'Beta', since: 'v1.2' },
      ],
      'Alpha',
      'v1.1',
      [{ state: 'Alpha', since: 'v1.0' }],
      0,
    ],
    [
      'changed in an earlier release',
      [{ state: 'Alpha', since: 'v1.0' }],
      'Beta',
      'v1.1',
      [
        { state: 'Alpha', since: 'v1.0' },
        { state: 'Beta', since: 'v1.1' },
      ],
      1,
    ],
    [
      'changed in the same release',
      [{ state: 'Alpha', since: 'v1.1' }],
      'Beta',
      'v1.1',
      [{ state: 'Beta', since: 'v1.1' }],
      1,
    ],
    ['no release to date it', [{ state: 'Alpha', since: 'v1.0' }], 'Beta', undefined, undefined, 1],
  ] as const)('reconcileHistory: %s', (_name, history, state, release, expected, warnings) => {
    const seen: string[] = [];
    expect(reconcileHistory([...history], state, release, (m) => seen.push(m))).toEqual(expected);
    expect(seen).toHaveLength(warnings);
  });

  it('points a clash coming from the mapping at the page row, saying it was set in the mapping', () => {
    const m = withFeature('dapr-integration', (f) => ({ ...f, aliases: ['beta'] }));
    const result = importMarkdownRegistry(V10, 'page.md', m);
    expect(result.ok ? [] : result.errors.map(formatRegistryError)).toEqual([
      `page.md:${lineOf(V10, '| Dapr integration')}:3: alias "beta" is a state name (set in the mapping)`,
    ]);
  });

  it('cuts releases, history and notes after current_release (an import "as of" v1.0)', () => {
    const result = importMarkdownRegistry(V10, 'page.md', { ...mapping, current_release: 'v1.0' });
    if (!result.ok) throw new Error('import failed');
    expect(result.registry.releases?.map((r) => r.name)).toEqual(['v1.0']);
    expect(result.registry.features.find((f) => f.id === 'multicluster')?.notes).toBeUndefined();
    expect(result.warnings).toEqual([]); // circuit breaking only came in v1.1
  });
});

describe('detectAndParseRegistry', () => {
  it.each([
    ['the page', V10, 'x.txt', 'markdown'],
    ['a .md file', 'anything', 'page.md', 'markdown'],
    ['a heading only', '# Feature Lifecycle\n', 'x', 'markdown'],
    ['YAML', read('tests/fixtures/registry/osm.yml'), 'tests/fixtures/registry/osm.yml', 'yaml'],
    ['YAML with a document marker', '---\nsource: { name: x }\n', 'r.yml', 'yaml'],
  ])('detects %s', (_name, text, file, format) => {
    expect(detectRegistryFormat(text, file)).toBe(format);
  });

  it('parses the page with the default mapping, and YAML as parseRegistry does', () => {
    const page = detectAndParseRegistry(V11, 'page.md', loadFixtureMapping);
    const yaml = detectAndParseRegistry(
      read('tests/fixtures/registry/osm.yml'),
      'tests/fixtures/registry/osm.yml',
      loadFixtureMapping,
    );
    expect(page.ok && page.registry.features).toHaveLength(30);
    expect(page.ok && yaml.ok && page.registry).toEqual(yaml.ok && yaml.registry);
    expect([page.format, yaml.format]).toEqual(['markdown', 'yaml']);
  });

  it('uses the mapping it is given, and returns the page errors', () => {
    const result = detectAndParseRegistry('---\ntitle: x\n---\n| Feature | State |\n', 'p', mapping);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      'missing section "## Feature versioning" with the Alpha | Beta | Stable table',
      'missing section "## Feature state" with the feature tables',
    ]);
  });
});
