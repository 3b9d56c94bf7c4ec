import { normalizeKey } from '../normalize.js';
import type { Feature, Registry } from '../schema.js';

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
  /** Trigram → positions in `keys` that have it, ascending, each once. */
  readonly trigrams: TrigramPostings;
  /** Word → ids of features whose name or aliases contain that word. */
  readonly words: ReadonlyMap<string, ReadonlySet<string>>;
  readonly byId: ReadonlyMap<string, Feature>;
  /**
   * Scratch space for a typo lookup (trigram counts per key, and which keys were touched), reused so a
   * lookup allocates nothing in proportion to the registry. Lookups are synchronous, so one set is enough.
   */
  readonly scratch: { readonly counts: Uint32Array; readonly touched: Uint32Array };
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

/** Space, a-z and 0-9: the characters of almost every compact key, numbered 0-36. */
const ALPHABET = 37;

function letterCode(c: number): number {
  if (c >= 97 && c <= 122) return c - 96;
  if (c >= 48 && c <= 57) return c - 21;
  return c === 32 ? 0 : -1;
}

/** A trigram of plain letters and digits as a number below 37³, or -1. */
function asciiTrigram(a: number, b: number, c: number): number {
  const x = letterCode(a);
  const y = letterCode(b);
  const z = letterCode(c);
  return x < 0 || y < 0 || z < 0 ? -1 : (x * ALPHABET + y) * ALPHABET + z;
}

/**
 * Postings per trigram. Trigrams of plain letters and digits live in a flat table indexed by number, so
 * building the index for 10,000 features never hashes a million short strings; the rest go in a Map.
 */
export class TrigramPostings {
  constructor(
    private readonly table: readonly (Int32Array | undefined)[],
    private readonly other: ReadonlyMap<string, Int32Array>,
  ) {}

  get(gram: string): Int32Array | undefined {
    const id = asciiTrigram(gram.charCodeAt(0), gram.charCodeAt(1), gram.charCodeAt(2));
    return id >= 0 ? this.table[id] : this.other.get(gram);
  }
}

class PostingsBuilder {
  private readonly table: (number[] | undefined)[] = new Array(ALPHABET ** 3);
  private readonly other = new Map<string, number[]>();

  /** Adds `position` under every trigram of `padded`, once each (positions only grow, so a repeat is last). */
  addKey(padded: string, position: number): void {
    for (let i = 0; i + 3 <= padded.length; i++) {
      const id = asciiTrigram(padded.charCodeAt(i), padded.charCodeAt(i + 1), padded.charCodeAt(i + 2));
      const gram = id >= 0 ? '' : padded.slice(i, i + 3);
      const postings = id >= 0 ? this.table[id] : this.other.get(gram);
      if (!postings) {
        if (id >= 0) this.table[id] = [position];
        else this.other.set(gram, [position]);
      } else if (postings[postings.length - 1] !== position) postings.push(position);
    }
  }

  build(): TrigramPostings {
    const other = new Map<string, Int32Array>();
    for (const [gram, positions] of this.other) other.set(gram, Int32Array.from(positions));
    return new TrigramPostings(
      this.table.map((positions) => (positions ? Int32Array.from(positions) : undefined)),
      other,
    );
  }
}

function buildIndex(features: readonly Feature[]): MatchIndex {
  const exact = new Map<string, IndexedKey[]>();
  const keys: IndexedKey[] = [];
  const postings = new PostingsBuilder();
  const words = new Map<string, Set<string>>();
  const byId = new Map<string, Feature>();

  const add = (text: string, kind: KeyKind, feature: Feature): void => {
    const normalised = normalizeKey(text);
    const compact = normalised.replaceAll(' ', '');
    if (!compact) return;
    const key: IndexedKey = { words: normalised, compact, kind, feature };
    const list = exact.get(compact);
    if (list) list.push(key);
    else exact.set(compact, [key]);
    // The same trigrams as trigramsOf(compact).
    postings.addKey(`  ${compact} `, keys.push(key) - 1);
    if (kind === 'id') return;
    for (const word of normalised.split(' ')) {
      const owners = words.get(word);
      if (owners) owners.add(feature.id);
      else words.set(word, new Set([feature.id]));
    }
  };

  for (const feature of features) {
    byId.set(feature.id, feature);
    add(feature.id.replaceAll('-', ' '), 'id', feature);
    add(feature.name, 'name', feature);
    for (const alias of feature.aliases) add(alias, 'alias', feature);
  }
  const scratch = { counts: new Uint32Array(keys.length), touched: new Uint32Array(keys.length) };
  return { exact, keys, trigrams: postings.build(), words, byId, scratch };
}
