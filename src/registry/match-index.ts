import { normalizeKey } from './normalize.js';
import type { Feature, Registry } from './schema.js';

/** How a key was derived from a feature; exact hits on stronger kinds win. */
export type KeyKind = 'id' | 'name' | 'alias';

export interface IndexedKey {
  /** Normalised words, e.g. "certificate provider hashicorp vault". */
  readonly words: string;
  /** The same with spaces removed: what exact and typo matching compare. */
  readonly compact: string;
  readonly kind: KeyKind;
  readonly feature: Feature;
}

/**
 * A lookup index over one registry: exact keys in a Map, and a trigram index over compact keys so that a
 * typo lookup compares the query with a few dozen candidates instead of every key (registries of 10,000
 * features stay well under a millisecond).
 */
export interface MatchIndex {
  readonly exact: ReadonlyMap<string, readonly IndexedKey[]>;
  readonly keys: readonly IndexedKey[];
  readonly trigrams: ReadonlyMap<string, readonly number[]>;
  /** Word → ids of features whose name or aliases contain that word. */
  readonly words: ReadonlyMap<string, ReadonlySet<string>>;
  readonly byId: ReadonlyMap<string, Feature>;
}

const cache = new WeakMap<Registry, MatchIndex>();

/** Returns the (memoised) index for a registry. */
export function indexFor(registry: Registry): MatchIndex {
  let index = cache.get(registry);
  if (!index) {
    index = buildIndex(registry.features);
    cache.set(registry, index);
  }
  return index;
}

/** Trigrams of a compact key, padded so that short keys still have some. */
export function trigramsOf(compact: string): string[] {
  const padded = `  ${compact} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

function buildIndex(features: readonly Feature[]): MatchIndex {
  const exact = new Map<string, IndexedKey[]>();
  const keys: IndexedKey[] = [];
  const trigrams = new Map<string, number[]>();
  const words = new Map<string, Set<string>>();
  const byId = new Map<string, Feature>();

  const add = (text: string, kind: KeyKind, feature: Feature): void => {
    const normalised = normalizeKey(text);
    const compact = normalised.replaceAll(' ', '');
    if (!compact) return;
    const key: IndexedKey = { words: normalised, compact, kind, feature };
    const list = exact.get(compact) ?? [];
    list.push(key);
    exact.set(compact, list);
    const position = keys.push(key) - 1;
    for (const gram of trigramsOf(compact)) {
      const postings = trigrams.get(gram);
      if (postings) postings.push(position);
      else trigrams.set(gram, [position]);
    }
    if (kind === 'id') return;
    for (const word of normalised.split(' ')) {
      const owners = words.get(word) ?? new Set<string>();
      owners.add(feature.id);
      words.set(word, owners);
    }
  };

  for (const feature of features) {
    byId.set(feature.id, feature);
    add(feature.id.replaceAll('-', ' '), 'id', feature);
    add(feature.name, 'name', feature);
    for (const alias of feature.aliases) add(alias, 'alias', feature);
  }
  return { exact, keys, trigrams, words, byId };
}
