import { Document, isScalar, isSeq, visit } from 'yaml';
import type { Mapping } from '../osm-page/mapping.js';
import type { Registry } from '../registry/schema.js';

/** Short lists written on one line, as data/features.yml writes them: `aliases: [cli, command line]`. */
const FLOW_KEYS = new Set(['aliases', 'history', 'former_names']);
const SPACED_KEYS = new Set(['releases', 'states', 'categories', 'features']);

/**
 * YAML in data/features.yml's layout: `header` as the leading comment, short lists inline, a blank line
 * before each top-level section, and `banners[i]` (a category name) as a comment before feature i.
 */
function toYaml(value: unknown, header: string, banners: readonly (string | undefined)[]): string {
  const doc = new Document(value);
  doc.commentBefore = header
    .split('\n')
    .map((l) => ` ${l}`)
    .join('\n');
  visit(doc, {
    Pair(_key, pair) {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      if (FLOW_KEYS.has(key) && isSeq(pair.value)) pair.value.flow = true;
      if (SPACED_KEYS.has(key)) pair.key.spaceBefore = true;
    },
  });
  const features = doc.get('features', true);
  if (isSeq(features)) {
    features.items.forEach((item, i) => {
      const banner = banners[i];
      if (banner === undefined || banner === banners[i - 1] || !item || typeof item !== 'object') return;
      const node = item as { commentBefore?: string | null; spaceBefore?: boolean };
      node.commentBefore = ` ── ${banner} ${'─'.repeat(Math.max(3, 96 - banner.length))}`;
      node.spaceBefore = i > 0;
    });
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function categoryBanners(registry: Registry): (string | undefined)[] {
  const names = new Map(registry.categories.map((c) => [c.id, c.name]));
  return registry.features.map((f) => names.get(f.category));
}

/** A registry as YAML in data/features.yml's layout, with `header` as the leading comment. Pure. */
export function registryToYaml(registry: Registry, header: string): string {
  return toYaml(registry, header, categoryBanners(registry));
}

/**
 * A mapping as YAML (empty `former_names` left out), with `header` as the leading comment; `registry`, when
 * given, groups the features under category banners. Pure.
 */
export function mappingToYaml(mapping: Mapping, header: string, registry?: Registry): string {
  const strip = <T extends { former_names: string[] }>({ former_names, ...rest }: T) =>
    former_names.length > 0 ? { ...rest, former_names } : rest;
  const value = {
    ...mapping,
    categories: mapping.categories.map(strip),
    features: mapping.features.map(strip),
  };
  return toYaml(value, header, registry ? categoryBanners(registry) : []);
}
