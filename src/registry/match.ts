import { distance } from 'fastest-levenshtein';
import { type IndexedKey, indexFor, type MatchIndex, trigramsOf } from './match-index.js';
import { normalizeKey } from './normalize.js';
import type { Feature, Registry } from './schema.js';

export type FeatureMatch =
  | { kind: 'found'; feature: Feature; via: 'exact' | 'words' | 'typo' }
  | { kind: 'ambiguous'; candidates: Feature[] }
  | { kind: 'none'; suggestions: Feature[] };

/** Words that carry no meaning for a lookup ("the", "feature"...). */
const FILLER = new Set(['the', 'a', 'an', 'osm', 'feature', 'features', 'of', 'for', 'using', 'with', 'and']);
const MAX_CANDIDATES = 5;

/** Edit distance a query of this length may be from a key and still count as a typo of it. */
export function typoBudget(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 10) return 2;
  return 3;
}

/**
 * Finds the feature a user means. Order: exact key (id, name or alias, ignoring case, spacing and punctuation),
 * then every word of the query inside one feature's name or aliases, then typo distance. Pure.
 */
export function findFeature(registry: Registry, query: string): FeatureMatch {
  const index = indexFor(registry);
  const words = normalizeKey(query);
  const compact = words.replaceAll(' ', '');
  if (!compact) return { kind: 'none', suggestions: [] };

  const exact = index.exact.get(compact);
  if (exact) return fromFeatures(uniqueFeatures(strongest(exact)), 'exact');

  const byWords = matchWords(index, words);
  if (byWords.length > 0) return fromFeatures(byWords, 'words');

  const ranked = rankByDistance(index, compact);
  const best = ranked[0];
  if (best && best.distance <= typoBudget(compact.length)) {
    const tied = ranked.filter((r) => r.distance === best.distance).map((r) => r.feature);
    return fromFeatures(tied, 'typo');
  }
  return { kind: 'none', suggestions: ranked.slice(0, 3).map((r) => r.feature) };
}

function fromFeatures(features: Feature[], via: 'exact' | 'words' | 'typo'): FeatureMatch {
  const [first, ...rest] = features;
  if (first && rest.length === 0) return { kind: 'found', feature: first, via };
  return { kind: 'ambiguous', candidates: features.slice(0, MAX_CANDIDATES) };
}

function strongest(keys: readonly IndexedKey[]): IndexedKey[] {
  const order = { id: 0, name: 1, alias: 2 } as const;
  const best = Math.min(...keys.map((k) => order[k.kind]));
  return keys.filter((k) => order[k.kind] === best);
}

function uniqueFeatures(keys: readonly IndexedKey[]): Feature[] {
  const seen = new Map<string, Feature>();
  for (const key of keys) seen.set(key.feature.id, key.feature);
  return [...seen.values()];
}

/** Features whose name or aliases contain every meaningful word of the query. */
function matchWords(index: MatchIndex, words: string): Feature[] {
  const meaningful = words.split(' ').filter((w) => w && !FILLER.has(w));
  if (meaningful.length === 0) return [];
  let owners: Set<string> | undefined;
  for (const word of meaningful) {
    const found = index.words.get(word);
    if (!found) return [];
    owners = owners ? new Set([...owners].filter((id) => found.has(id))) : new Set(found);
    if (owners.size === 0) return [];
  }
  return [...(owners ?? [])].map((id) => index.byId.get(id)).filter((f): f is Feature => f !== undefined);
}

interface Ranked {
  feature: Feature;
  distance: number;
}

/** Ranks features by the edit distance of their closest key, over trigram-selected candidates only. */
function rankByDistance(index: MatchIndex, compact: string): Ranked[] {
  const shared = new Map<number, number>();
  for (const gram of trigramsOf(compact)) {
    for (const position of index.trigrams.get(gram) ?? [])
      shared.set(position, (shared.get(position) ?? 0) + 1);
  }
  const candidates = [...shared.entries()].sort((a, b) => b[1] - a[1]).slice(0, 64);
  const best = new Map<string, Ranked>();
  for (const [position] of candidates) {
    const key = index.keys[position];
    if (!key) continue;
    const d = keyDistance(compact, key.compact);
    const current = best.get(key.feature.id);
    if (!current || d < current.distance) best.set(key.feature.id, { feature: key.feature, distance: d });
  }
  return [...best.values()].sort(
    (a, b) => a.distance - b.distance || a.feature.name.localeCompare(b.feature.name),
  );
}

/** Distance to a key, letting a query match a key's prefix ("multiclust" → "multicluster") cheaply. */
function keyDistance(query: string, key: string): number {
  const whole = distance(query, key);
  if (key.length > query.length + 2) {
    const prefix = distance(query, key.slice(0, query.length)) + 1;
    return Math.min(whole, prefix);
  }
  return whole;
}
