import { normalizeKey } from './normalize.js';
import type { Category, Registry } from './schema.js';

export type CategoryMatch =
  | { kind: 'found'; category: Category }
  | { kind: 'ambiguous'; candidates: Category[] }
  | { kind: 'none' };

/**
 * Finds a category by id, name, alias, or an unambiguous part of its name ("security", "traffic").
 * Pure; categories are few, so a scan is fine.
 */
export function findCategory(registry: Registry, query: string): CategoryMatch {
  const words = normalizeKey(query);
  const compact = words.replaceAll(' ', '');
  if (!compact) return { kind: 'none' };
  const keysOf = (c: Category): string[] => [c.id, c.name, ...c.aliases].map((k) => normalizeKey(k));

  const exact = registry.categories.filter((c) => keysOf(c).some((k) => k.replaceAll(' ', '') === compact));
  if (exact.length > 0) return pick(exact);

  const queryWords = words.split(' ');
  const partial = registry.categories.filter((c) =>
    keysOf(c).some((k) => {
      const keyWords = k.split(' ');
      return queryWords.every((w) => keyWords.some((kw) => kw === w || (w.length >= 4 && kw.startsWith(w))));
    }),
  );
  return partial.length > 0 ? pick(partial) : { kind: 'none' };
}

function pick(categories: Category[]): CategoryMatch {
  const [first, ...rest] = categories;
  if (first && rest.length === 0) return { kind: 'found', category: first };
  return { kind: 'ambiguous', candidates: categories };
}
