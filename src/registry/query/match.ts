import { distance } from 'fastest-levenshtein';
import { normalizeKey } from '../normalize.js';
import type { Feature, Registry } from '../schema.js';
import { type IndexedKey, indexFor, type MatchIndex, trigramsOf } from './match-index.js';
import { isTransposition } from './typos.js';

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
export function findFeature(registry: Registry, query: string, opts: { typos?: boolean } = {}): FeatureMatch {
  const index = indexFor(registry);
  const words = normalizeKey(query);
  const compact = words.replaceAll(' ', '');
  if (!compact) return { kind: 'none', suggestions: [] };

  const exact = index.exact.get(compact);
  if (exact) return fromFeatures(uniqueFeatures(strongest(exact)), 'exact');

  const byWords = matchWords(index, words);
  if (byWords.length > 0) return fromFeatures(byWords, 'words');
  if (opts.typos === false) return { kind: 'none', suggestions: [] };

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

/** Features whose name or aliases contain every meaningful word of the query, in registry order. */
function matchWords(index: MatchIndex, words: string): Feature[] {
  const meaningful = words.split(' ').filter((w) => w && !FILLER.has(w));
  if (meaningful.length === 0) return [];
  const owners: ReadonlySet<string>[] = [];
  for (const word of meaningful) {
    const found = index.words.get(word);
    if (!found) return [];
    owners.push(found);
  }
  // Every set lists ids in registry order, so walking the smallest one keeps that order and does the least work.
  owners.sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = owners;
  const matched: Feature[] = [];
  for (const id of smallest ?? []) {
    if (!rest.every((set) => set.has(id))) continue;
    const feature = index.byId.get(id);
    if (feature) matched.push(feature);
  }
  return matched;
}

export interface Ranked {
  feature: Feature;
  distance: number;
}

/** How many keys, sharing the most trigrams with the query, are compared by edit distance. */
const TYPO_CANDIDATES = 64;
const collator = new Intl.Collator();

/** Ranks features by the edit distance of their closest key, over trigram-selected candidates only. */
export function rankByDistance(index: MatchIndex, compact: string): Ranked[] {
  const best = new Map<string, Ranked>();
  for (const position of typoCandidates(index, compact)) {
    const key = index.keys[position];
    if (!key) continue;
    const d = keyDistance(compact, key.compact);
    const current = best.get(key.feature.id);
    if (!current || d < current.distance) best.set(key.feature.id, { feature: key.feature, distance: d });
  }
  // Intl.Collator#compare orders exactly as String#localeCompare with no arguments, without its per-call setup.
  return [...best.values()].sort(
    (a, b) => a.distance - b.distance || collator.compare(a.feature.name, b.feature.name),
  );
}

/**
 * The keys sharing the most trigrams with the query, most first; ties in the order they were first met.
 * Counting in a typed array and ordering only the winners keeps a 10,000-feature registry under a millisecond.
 */
function typoCandidates(index: MatchIndex, compact: string): number[] {
  const { counts, touched } = index.scratch;
  let touchedCount = 0;
  for (const gram of trigramsOf(compact)) {
    const postings = index.trigrams.get(gram);
    if (!postings) continue;
    for (let i = 0; i < postings.length; i++) {
      const position = postings[i] ?? 0;
      const c = counts[position] ?? 0;
      if (c === 0) touched[touchedCount++] = position;
      counts[position] = c + 1;
    }
  }
  const chosen = chooseTop(touched.subarray(0, touchedCount), counts);
  const ranked = chosen.map((position) => ({ position, count: counts[position] ?? 0 }));
  for (let i = 0; i < touchedCount; i++) counts[touched[i] ?? 0] = 0;
  return ranked.sort((a, b) => b.count - a.count).map((r) => r.position);
}

/** The first TYPO_CANDIDATES positions of a stable sort by count, descending, in the order they were met. */
function chooseTop(touched: Uint32Array, counts: Uint32Array): number[] {
  if (touched.length <= TYPO_CANDIDATES) return Array.from(touched);
  // The count of the last key that makes the cut: every key above it is in, and the first ones met at it.
  const histogram: number[] = [];
  for (let i = 0; i < touched.length; i++) {
    const c = counts[touched[i] ?? 0] ?? 0;
    histogram[c] = (histogram[c] ?? 0) + 1;
  }
  let threshold = histogram.length - 1;
  let above = 0;
  while (threshold > 0 && above + (histogram[threshold] ?? 0) < TYPO_CANDIDATES) {
    above += histogram[threshold] ?? 0;
    threshold--;
  }
  let atThreshold = TYPO_CANDIDATES - above;
  const chosen: number[] = [];
  for (let i = 0; i < touched.length && chosen.length < TYPO_CANDIDATES; i++) {
    const position = touched[i] ?? 0;
    const c = counts[position] ?? 0;
    if (c > threshold) chosen.push(position);
    else if (c === threshold && atThreshold > 0) {
      chosen.push(position);
      atThreshold--;
    }
  }
  return chosen;
}

/** Distance to a key, letting a query match a key's prefix ("multiclust" → "multicluster") cheaply. */
function keyDistance(query: string, key: string): number {
  // Two neighbouring letters swapped is one slip, not two ("dpra" is "dapr").
  if (isTransposition(query, key)) return 1;
  const whole = distance(query, key);
  if (key.length > query.length + 2) {
    const prefix = distance(query, key.slice(0, query.length)) + 1;
    return Math.min(whole, prefix);
  }
  return whole;
}
