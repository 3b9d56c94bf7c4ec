// The one test of the registry the bot ships (data/): every other test reads frozen fixtures, so that a
// maintainer's edit to data/features.yml is checked here, against the upstream page, and nowhere else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importMarkdownRegistry } from '../../../src/osm-page/import-page.js';
import { compareReleases } from '../../../src/registry/history/releases.js';
import { formatRegistryError, parseRegistry } from '../../../src/registry/load.js';
import type { Registry } from '../../../src/registry/schema.js';
import { loadDefaultMapping } from '../../../src/sources/default-mapping.js';

const SHIPPED = 'data/features.yml';
/** OSM's Feature Lifecycle page as of the newest release that changed it (the page is frozen upstream). */
const UPSTREAM_PAGE = 'tests/fixtures/pages/feature_lifecycle_v1.1.md';

function shipped(): Registry {
  const parsed = parseRegistry(readFileSync(SHIPPED, 'utf8'), SHIPPED);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatRegistryError).join('\n'));
  return parsed.registry;
}

describe('the shipped registry (data/features.yml)', () => {
  it('is valid', () => {
    const parsed = parseRegistry(readFileSync(SHIPPED, 'utf8'), SHIPPED);
    expect(parsed.ok ? [] : parsed.errors.map(formatRegistryError)).toEqual([]);
  });

  it('is what the upstream page gives with the shipped mapping (regenerate data/osm-mapping.yml if not)', () => {
    const mapping = loadDefaultMapping();
    if (!mapping.ok) throw new Error(mapping.errors.map(formatRegistryError).join('\n'));
    const imported = importMarkdownRegistry(
      readFileSync(UPSTREAM_PAGE, 'utf8'),
      UPSTREAM_PAGE,
      mapping.mapping,
    );
    if (!imported.ok) throw new Error(imported.errors.map(formatRegistryError).join('\n'));
    expect(imported.registry).toEqual(shipped());
  });

  it('describes its newest release, and lists releases oldest first', () => {
    const registry = shipped();
    const names = (registry.releases ?? []).map((r) => r.name);
    expect([...names].sort(compareReleases)).toEqual(names);
    expect(registry.current_release).toBe(names.at(-1));
  });
});
