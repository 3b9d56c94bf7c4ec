import { z } from 'zod';
import { normalizeKey } from '../normalize.js';
import type { Feature, Registry } from '../schema.js';
import { StateNameSchema } from '../schema.js';

/**
 * The filters shared by the Home tab and the in-place filters on list answers: a state, a category, a
 * search text (Home) and a release (lists asked "as of" a release). Pure.
 */
export const FeatureFilterSchema = z.object({
  state: StateNameSchema.optional(),
  category: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(120)
    .optional(),
  query: z.string().trim().min(1).max(100).optional(),
  release: z
    .string()
    .regex(/^v\d+\.\d+(?:\.\d+)?$/)
    .optional(),
});
export type FeatureFilter = z.infer<typeof FeatureFilterSchema>;

const searchKeys = new WeakMap<Registry, Map<string, string>>();

/** Normalised name, id and aliases of every feature, computed once per registry. */
function searchKeyOf(registry: Registry, feature: Feature): string {
  let keys = searchKeys.get(registry);
  if (!keys) {
    keys = new Map(
      registry.features.map((f) => [f.id, normalizeKey([f.name, f.id, ...f.aliases].join(' '))]),
    );
    searchKeys.set(registry, keys);
  }
  return keys.get(feature.id) ?? normalizeKey(feature.name);
}

/** The features that pass a filter, in registry order. Search matches every word of the query. Pure. */
export function applyFilter(registry: Registry, filter: FeatureFilter): Feature[] {
  const words = filter.query ? normalizeKey(filter.query).split(' ').filter(Boolean) : [];
  return registry.features.filter(
    (f) =>
      (!filter.state || f.state === filter.state) &&
      (!filter.category || f.category === filter.category) &&
      (words.length === 0 || words.every((w) => searchKeyOf(registry, f).includes(w))),
  );
}

/** What Home remembers per user: the last filter and search (never a page: reopening starts at the top). */
export const HomeFilterSchema = FeatureFilterSchema.pick({ state: true, category: true, query: true });
export type HomeFilter = z.infer<typeof HomeFilterSchema>;
