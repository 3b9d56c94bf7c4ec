import type { NamedFilter } from '../answer/subscription-result.js';
import type { Registry } from '../registry/schema.js';
import type { SubscriptionFilter } from '../registry/subscription-filter.js';

/** A filter with the current name of the feature or category it names, if the registry still has it. Pure. */
export function nameFilter(filter: SubscriptionFilter, registry: Registry): NamedFilter {
  const name =
    filter.kind === 'feature'
      ? registry.features.find((f) => f.id === filter.featureId)?.name
      : filter.kind === 'category'
        ? registry.categories.find((c) => c.id === filter.categoryId)?.name
        : undefined;
  return name === undefined ? { filter } : { filter, name };
}
