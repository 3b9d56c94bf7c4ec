import { type FeatureFilter, FeatureFilterSchema } from '../../registry/query/feature-filter.js';

const FORMAT_VERSION = '1';

/**
 * Encodes a list filter as an option value, e.g. `v=1&s=Beta&c=security`. The whole target filter travels in
 * the value, so choosing an option in a months-old message still works without any server-side state.
 */
export function encodeListFilter(filter: FeatureFilter): string {
  const params = new URLSearchParams({ v: FORMAT_VERSION });
  if (filter.state) params.set('s', filter.state);
  if (filter.category) params.set('c', filter.category);
  if (filter.release) params.set('r', filter.release);
  return params.toString();
}

/** The filter an option value stands for; undefined when the value is not one this app wrote. */
export function decodeListFilter(value: string): FeatureFilter | undefined {
  const params = new URLSearchParams(value);
  if (params.get('v') !== FORMAT_VERSION) return undefined;
  const parsed = FeatureFilterSchema.safeParse({
    state: params.get('s') ?? undefined,
    category: params.get('c') ?? undefined,
    release: params.get('r') ?? undefined,
  });
  return parsed.success ? parsed.data : undefined;
}
