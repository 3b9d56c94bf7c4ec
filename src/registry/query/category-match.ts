import { distance } from 'fastest-levenshtein';
import { normalizeKey } from '../normalize.js';
import type { Category, Registry } from '../schema.js';
import { isTransposition } from './typos.js';

export type CategoryMatch =
  | { kind: 'found'; category: Category; via: 'exact' | 'partial' | 'typo' }
  | { kind: 'ambiguous'; candidates: Category[] }
  | { kind: 'none' };

/**
 * Finds a category by id, name, alias, an unambiguous part of its name ("security", "traffic"), or a typo of
 * one ("obsrvability"). Pure; categories are few, so a scan is fine.
 */
export function findCategory(
  registry: Registry,
  query: string,
  opts: { aliases?: boolean } = {},
): CategoryMatch {
  const keysOf = opts.aliases === false ? nameKeysOf : allKeysOf;
  const words = normalizeKey(query);
  const compact = words.replaceAll(' ', '');
  if (!compact) return { kind: 'none' };

  const exact = registry.categories.filter((c) => keysOf(c).some((k) => k.compact === compact));
  if (exact.length > 0) return pick(exact, 'exact');

  const queryWords = words.split(' ');
  const partial = registry.categories.filter((c) =>
    keysOf(c).some((k) =>
      queryWords.every((w) => k.words.some((kw) => kw === w || (w.length >= 4 && kw.startsWith(w)))),
    ),
  );
  if (partial.length > 0) return pick(partial, 'partial');
  if (compact.length < 5) return { kind: 'none' };

  const budget = categoryTypoBudget(compact.length);
  // Edit distance is at least the difference in length: most keys are ruled out before it is computed.
  const close = (b: string): boolean =>
    Math.abs(compact.length - b.length) <= budget &&
    (distance(compact, b) <= budget || isTransposition(compact, b));
  const typo = registry.categories.filter((c) =>
    keysOf(c).some((k) => close(k.compact) || (queryWords.length === 1 && k.words.some((kw) => close(kw)))),
  );
  return typo.length > 0 ? pick(typo, 'typo') : { kind: 'none' };
}

interface CategoryKey {
  words: string[];
  compact: string;
}

const keyCache = new WeakMap<Category, { all: CategoryKey[]; names: CategoryKey[] }>();

/** A category's normalised keys (id, name, aliases), computed once per category object. */
function keysFor(category: Category): { all: CategoryKey[]; names: CategoryKey[] } {
  let keys = keyCache.get(category);
  if (!keys) {
    const all = [category.id, category.name, ...category.aliases].map((k) => {
      const normal = normalizeKey(k);
      return { words: normal.split(' '), compact: normal.replaceAll(' ', '') };
    });
    keys = { all, names: all.slice(0, 2) };
    keyCache.set(category, keys);
  }
  return keys;
}

function allKeysOf(category: Category): CategoryKey[] {
  return keysFor(category).all;
}

/** Only the id and the name: what the page itself calls the category. */
function nameKeysOf(category: Category): CategoryKey[] {
  return keysFor(category).names;
}

function pick(categories: Category[], via: 'exact' | 'partial' | 'typo'): CategoryMatch {
  const [first, ...rest] = categories;
  if (first && rest.length === 0) return { kind: 'found', category: first, via };
  return { kind: 'ambiguous', candidates: categories };
}

/** Category names are few and common words, so typos get a tighter budget ("retries" is not "metrics"). */
function categoryTypoBudget(length: number): number {
  return length <= 8 ? 1 : 2;
}
