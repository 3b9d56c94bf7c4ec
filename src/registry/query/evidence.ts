// Weighs how well features explain a question's words. One file because the weights, the candidate search and the
// verdict are one calculation, and splitting them would expose its intermediate scores as an interface.
import { distance } from 'fastest-levenshtein';
import { normalizeKey } from '../normalize.js';
import type { Feature, Registry } from '../schema.js';
import { knownWord } from './group.js';
import { type Ranked, rankByDistance, typoBudget } from './match.js';
import { type IndexedKey, indexFor, type MatchIndex } from './match-index.js';

/** What the words of a question show: one feature, several named at once, a choice, or nothing. */
export type Evidence =
  | { kind: 'found'; feature: Feature }
  | { kind: 'several'; features: Feature[] }
  | { kind: 'ambiguous'; candidates: Feature[] }
  | { kind: 'none'; suggestions: Feature[] };

/**
 * Words shared by many network features, weak evidence alone: "api gateway" is not the Contour ingress
 * gateway, and "fault injection" is not sidecar injection.
 */
const GENERIC = new Set(
  (
    'injection gateway gateways provider providers policy policies traffic routing route routes control plane ' +
    'integration integrations mode management service services mesh proxy proxies http https tcp metrics api ' +
    'apis osm cli using with access delivery authorization webhook protocol protocols selection app automatic ' +
    'auto native implementation setting settings upstream built in command line multiple cluster clusters ' +
    'mutual tls target split weighted config configuration validation validating edge progressive ' +
    'dashboards controller certificate certificates cert security install installation'
  ).split(' '),
);
/** Words that join the names in a question about several features. */
const CONNECTORS = new Set(['and', 'or', 'vs', 'versus', 'both', 'compare', 'plus', 'nor', 'either']);
/** What pasted code, SQL or markup leaves behind: never evidence for a feature. */
const NOISE = new Set(
  'drop table select from where union insert delete null true false script div span html body br nbsp amp'.split(
    ' ',
  ),
);
const MAX_WORDS = 12;
const MAX_PHRASE = 6;
const MAX_CHOICES = 5;

interface Hit {
  feature: Feature;
  start: number;
  size: number;
  strong: boolean;
}

/**
 * Weighs a question's words against the registry. A feature is found only when it explains the question's
 * distinctive words: an exact name or alias of it (several words, or one rare word), or all of the words at
 * once. Generic words alone ("gateway", "injection", a digit) give a choice or nothing, never a card. Names
 * of two or more features give them all. Pure; a few map lookups per word, so it stays fast at any size.
 */
export function weighEvidence(registry: Registry, query: string): Evidence {
  const index = indexFor(registry);
  const words = normalizeKey(query)
    .split(' ')
    .filter((w) => w.length > 1 && !/^\d+$/.test(w) && !NOISE.has(w))
    .slice(0, MAX_WORDS);
  if (words.length === 0) return { kind: 'none', suggestions: [] };
  const whole = index.exact.get(words.join(''));
  if (whole) return fromFeatures(strongestFeatures(whole));
  const parts = byConnectors(words);
  const several = parts.length >= 2 ? eachPart(registry, parts) : undefined;
  if (several) return several;

  const content = words.filter((w) => !CONNECTORS.has(w));
  const hits = spotKeys(index, content);
  const covered = new Set<number>();
  for (const hit of hits) for (let i = hit.start; i < hit.start + hit.size; i++) covered.add(i);
  const strong = unique(hits.filter((h) => h.strong).map((h) => h.feature));
  if (strong.length >= 2) return { kind: 'several', features: strong };
  const explains = (feature: Feature, i: number): boolean =>
    hits.some((h) => h.feature === feature && i >= h.start && i < h.start + h.size) ||
    ownersOf(index, content[i] ?? '')?.has(feature.id) === true;

  const [only] = strong;
  if (only) {
    const unexplained = content.map((_, i) => i).filter((i) => !explains(only, i));
    // A word of another feature splits the evidence: "egress gateway" is not plainly Egress.
    const elsewhere = unexplained.flatMap((i) => [...(ownersOf(index, content[i] ?? '') ?? [])]);
    if (elsewhere.length > 0) return choice([only, ...featuresOf(index, elsewhere)]);
    // More of the question explained than not: "egress traffic to external services" is Egress, while
    // "grpc retries" is not the Protocols feature.
    const explained = content.length - unexplained.length;
    return unexplained.length < explained ? { kind: 'found', feature: only } : choice([only]);
  }

  const typo = typoOf(index, registry, content);
  if (typo) return { kind: 'found', feature: typo };
  return weighWords(index, registry, content);
}

/** Every part of "a and b or c" a feature of its own, or undefined as soon as one part is not. */
function eachPart(registry: Registry, parts: readonly string[][]): Evidence | undefined {
  const named: Feature[] = [];
  for (const part of parts) {
    const e = weighEvidence(registry, part.join(' '));
    if (e.kind === 'found') named.push(e.feature);
    else if (e.kind === 'several') named.push(...e.features);
    else return undefined;
  }
  const features = unique(named);
  return features.length >= 2 ? { kind: 'several', features } : undefined;
}

/** Features named by exact keys inside the question, longest phrases first, each word used once. */
function spotKeys(index: MatchIndex, words: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  const taken = new Set<number>();
  for (let size = Math.min(MAX_PHRASE, words.length); size >= 1; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      let free = true;
      for (let i = start; i < start + size; i++) if (taken.has(i)) free = false;
      if (!free) continue;
      const keys = index.exact.get(words.slice(start, start + size).join(''));
      if (!keys) continue;
      const features = strongestFeatures(keys);
      const [feature] = features;
      if (!feature) continue;
      for (let i = start; i < start + size; i++) taken.add(i);
      const single = size === 1 && words[start] !== undefined && isWeakWord(index, words[start] ?? '');
      // A key two features share ("mtls") is evidence for both, and strong for neither.
      for (const f of features)
        hits.push({ feature: f, start, size, strong: features.length === 1 && !single });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** A word is weak evidence when it is generic in networking or shared by several features. */
function isWeakWord(index: MatchIndex, word: string): boolean {
  if (GENERIC.has(word) || word.length < 3) return true;
  return (ownersOf(index, word)?.size ?? 0) > 1;
}

function ownersOf(index: MatchIndex, word: string): ReadonlySet<string> | undefined {
  const known = knownWord(index, word);
  return known ? index.words.get(known) : undefined;
}

/**
 * A typo of a name or alias, when it is the clear winner: the whole question misspelt ("circut breaking",
 * "promethues"), or one word that is no word of the registry ("valt", "dpra"). A word the registry knows is
 * never taken for a typo of another ("egress gateway" is not "ingress gateway"), nor a digit changed ("http3").
 */
function typoOf(index: MatchIndex, registry: Registry, words: readonly string[]): Feature | undefined {
  const unknown = words.filter((w) => !ownersOf(index, w));
  if (unknown.length === 0 || words.length > 4) return undefined;
  const compact = words.join('');
  const swapped = swappedKey(index, compact);
  if (swapped) return swapped;
  const budget = Math.min(2, typoBudget(compact.length));
  const known = words.filter((w) => ownersOf(index, w));
  const ranked =
    known.length > 0 ? rankOwners(index, compact, known, budget) : rankByDistance(index, compact);
  const [best, next] = ranked;
  if (!best || best.distance > budget) return undefined;
  if (next && next.distance === best.distance) return undefined;
  if (!known.every((w) => ownersOf(index, w)?.has(best.feature.id))) return undefined;
  if (!sameDigits(compact, best.feature, registry)) return undefined;
  return best.feature;
}

/**
 * Ranks only the features that hold every known word of the question, by the distance of their closest
 * key; keys too long or short to be within `budget` are skipped before any distance is computed.
 */
function rankOwners(index: MatchIndex, compact: string, known: readonly string[], budget: number): Ranked[] {
  const sets = known.map((w) => ownersOf(index, w) ?? new Set<string>()).sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = sets;
  // A known word hundreds of features share cannot single one out: no clear winner to find.
  if (!smallest || smallest.size > MAX_TYPO_OWNERS) return [];
  const ranked: Ranked[] = [];
  for (const id of smallest) {
    if (!rest.every((set) => set.has(id))) continue;
    const feature = index.byId.get(id);
    if (!feature) continue;
    let best = Number.POSITIVE_INFINITY;
    for (const key of keysByFeature(index).get(id) ?? []) {
      if (Math.abs(key.length - compact.length) > budget) continue;
      best = Math.min(best, distance(compact, key));
    }
    if (best <= budget) ranked.push({ feature, distance: best });
  }
  return ranked.sort((a, b) => a.distance - b.distance);
}

const MAX_TYPO_OWNERS = 64;
const featureKeys = new WeakMap<MatchIndex, Map<string, string[]>>();

/** Every compact key of each feature, by feature id. */
function keysByFeature(index: MatchIndex): Map<string, string[]> {
  let map = featureKeys.get(index);
  if (!map) {
    map = new Map();
    for (const key of index.keys) {
      const list = map.get(key.feature.id) ?? [];
      list.push(key.compact);
      map.set(key.feature.id, list);
    }
    featureKeys.set(index, map);
  }
  return map;
}

/**
 * A short name with its letters shuffled behind the first ("dpra", "vualt"): the same letters as exactly one
 * feature's key, from an index of sorted letters built once per registry.
 */
function swappedKey(index: MatchIndex, compact: string): Feature | undefined {
  if (compact.length < 4 || compact.length > MAX_SHUFFLED) return undefined;
  const owners = anagramsOf(index).get(anagramKey(compact));
  if (owners?.size !== 1) return undefined;
  const [only] = owners.values();
  return only;
}

const MAX_SHUFFLED = 8;
const anagrams = new WeakMap<MatchIndex, Map<string, Map<string, Feature>>>();

/** The first letter, then the rest sorted: "dapr" → "dapr", "dpra" → "dapr". */
function anagramKey(compact: string): string {
  return `${compact[0]}${[...compact.slice(1)].sort().join('')}`;
}

function anagramsOf(index: MatchIndex): Map<string, Map<string, Feature>> {
  let map = anagrams.get(index);
  if (!map) {
    map = new Map();
    for (const key of index.keys) {
      if (key.compact.length < 4 || key.compact.length > MAX_SHUFFLED) continue;
      const k = anagramKey(key.compact);
      const owners = map.get(k) ?? new Map<string, Feature>();
      owners.set(key.feature.id, key.feature);
      map.set(k, owners);
    }
    anagrams.set(index, map);
  }
  return map;
}

/** The question's words split at "and", "or", "vs": each part a feature of its own. */
function byConnectors(words: readonly string[]): string[][] {
  const parts: string[][] = [[]];
  for (const word of words) {
    if (CONNECTORS.has(word)) parts.push([]);
    else parts.at(-1)?.push(word);
  }
  return parts.filter((p) => p.length > 0);
}

function sameDigits(query: string, feature: Feature, _registry: Registry): boolean {
  const digits = query.replace(/\D/g, '');
  if (!digits) return true;
  return [feature.name, ...feature.aliases].some((k) => normalizeKey(k).replace(/\D/g, '').includes(digits));
}

/** No strong name: weigh each word by how few features it belongs to, and decide between a choice and nothing. */
function weighWords(index: MatchIndex, registry: Registry, words: readonly string[]): Evidence {
  const total = Math.max(2, registry.features.length);
  const scores = new Map<
    string,
    { feature: Feature; score: number; explained: number; distinctive: boolean }
  >();
  words.forEach((word) => {
    const owners = ownersOf(index, word);
    if (!owners || owners.size === 0) return;
    // Rare words weigh most: a word of one feature in thirty weighs about 3.4, one of every feature 0.
    const weight = Math.log(total / owners.size);
    const generic = GENERIC.has(word) || owners.size > 2;
    for (const id of owners) {
      const feature = index.byId.get(id);
      if (!feature) continue;
      const entry = scores.get(id) ?? { feature, score: 0, explained: 0, distinctive: false };
      entry.score += weight;
      entry.explained += 1;
      entry.distinctive ||= !generic;
      scores.set(id, entry);
    }
  });
  const ranked = [...scores.values()].sort((a, b) => b.explained - a.explained || b.score - a.score);
  const [best] = ranked;
  if (!best) return { kind: 'none', suggestions: nearest(index, words) };
  const top = ranked.filter((r) => r.explained === best.explained && r.score === best.score);
  const allExplained = best.explained === words.length;
  if (allExplained && top.length === 1 && best.distinctive && words.length >= 2)
    return { kind: 'found', feature: best.feature };
  const candidates = ranked.slice(0, MAX_CHOICES).map((r) => r.feature);
  if (ranked.some((r) => r.distinctive) || allExplained) return choice(candidates);
  return { kind: 'none', suggestions: candidates.slice(0, 3) };
}

function nearest(index: MatchIndex, words: readonly string[]): Feature[] {
  return rankByDistance(index, words.join(''))
    .slice(0, 3)
    .map((r) => r.feature);
}

function choice(features: Feature[]): Evidence {
  return { kind: 'ambiguous', candidates: unique(features).slice(0, MAX_CHOICES) };
}

function fromFeatures(features: Feature[]): Evidence {
  const [first, ...rest] = features;
  if (first && rest.length === 0) return { kind: 'found', feature: first };
  return choice(features);
}

function strongestFeatures(keys: readonly IndexedKey[]): Feature[] {
  const order = { id: 0, name: 1, alias: 2 } as const;
  const best = Math.min(...keys.map((k) => order[k.kind]));
  return unique(keys.filter((k) => order[k.kind] === best).map((k) => k.feature));
}

function featuresOf(index: MatchIndex, ids: readonly string[]): Feature[] {
  return ids.map((id) => index.byId.get(id)).filter((f) => f !== undefined);
}

function unique(features: readonly Feature[]): Feature[] {
  return [...new Map(features.map((f) => [f.id, f])).values()];
}
