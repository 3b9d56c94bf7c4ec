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

  const exact = registry.categories.filter((c) => keysOf(c).some((k) => k.replaceAll(' ', '') === compact));
  if (exact.length > 0) return pick(exact, 'exact');

  const queryWords = words.split(' ');
  const partial = registry.categories.filter((c) =>
    keysOf(c).some((k) => {
      const keyWords = k.split(' ');
      return queryWords.every((w) => keyWords.some((kw) => kw === w || (w.length >= 4 && kw.startsWith(w))));
    }),
  );
  if (partial.length > 0) return pick(partial, 'partial');

  const close = (a: string, b: string): boolean =>
    a.length >= 5 && (distance(a, b) <= categoryTypoBudget(a.length) || isTransposition(a, b));
  const typo = registry.categories.filter((c) =>
    keysOf(c).some(
      (k) =>
        close(compact, k.replaceAll(' ', '')) ||
        (queryWords.length === 1 && k.split(' ').some((kw) => close(compact, kw))),
    ),
  );
  return typo.length > 0 ? pick(typo, 'typo') : { kind: 'none' };
}

const keyCache = new WeakMap<Category, string[]>();

/** A category's normalised keys (id, name, aliases), computed once per category object. */
function allKeysOf(category: Category): string[] {
  let keys = keyCache.get(category);
  if (!keys) {
    keys = [category.id, category.name, ...category.aliases].map((k) => normalizeKey(k));
    keyCache.set(category, keys);
  }
  return keys;
}

/** Only the id and the name: what the page itself calls the category. */
function nameKeysOf(category: Category): string[] {
  return allKeysOf(category).slice(0, 2);
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
