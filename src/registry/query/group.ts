import { normalizeKey } from '../normalize.js';
import type { Feature, Registry } from '../schema.js';
import { indexFor, type MatchIndex } from './match-index.js';

/** The index's word, or the word without a plural ending when only that is known ("providers" → "provider"). */
export function knownWord(index: MatchIndex, word: string): string | undefined {
  if (index.words.has(word)) return word;
  for (const stem of [
    word.replace(/ies$/, 'y'),
    word.replace(/es$/, ''),
    word.replace(/s$/, ''),
    // "splitting" → "split", "routed" → "route", "breaker" → "break".
    word.replace(/([b-df-hj-np-tv-z])\1(?:ing|ed|er)$/, '$1'),
    word.replace(/(?:ing|ed|er)$/, ''),
    word.replace(/(?:ing|ed|er)$/, 'e'),
  ]) {
    if (stem !== word && stem.length >= 3 && index.words.has(stem)) return stem;
  }
  return undefined;
}

/**
 * Features whose names or aliases all hold every word given ("smi" → the five SMI features, "certificate
 * providers" → the three providers, "helm" → install, uninstall and upgrade): a group read from the registry's
 * own words, not a category. Undefined unless at least two features share the words. Pure.
 */
export function findGroup(registry: Registry, words: readonly string[]): Feature[] | undefined {
  const index = indexFor(registry);
  const owners: ReadonlySet<string>[] = [];
  for (const raw of words) {
    for (const part of normalizeKey(raw).split(' ')) {
      if (!part) continue;
      const word = knownWord(index, part);
      const found = word ? index.words.get(word) : undefined;
      if (!found) return undefined;
      owners.push(found);
    }
  }
  if (owners.length === 0) return undefined;
  owners.sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = owners;
  if (!smallest || smallest.size < 2) return undefined;
  const ids = new Set<string>();
  for (const id of smallest) if (rest.every((set) => set.has(id))) ids.add(id);
  if (ids.size < 2) return undefined;
  return registry.features.filter((f) => ids.has(f.id));
}
