import type { PlainTextOption, StaticSelect } from '@slack/types';
import { z } from 'zod';
import { normalizeKey } from '../registry/normalize.js';
import {
  type Feature,
  type Registry,
  STATE_NAMES,
  type StateName,
  StateNameSchema,
} from '../registry/schema.js';
import { LIMITS, plain } from './blocks.js';
import { STATE_EMOJI } from './state-style.js';

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

/** Slack's newer documented limit for an option value (the types' JSDoc still says 75). */
export const OPTION_VALUE_MAX = 150;
/** The select value meaning "no filter on this dimension". */
export const ALL_VALUE = 'all';
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

function option(text: string, value: string): PlainTextOption {
  return { text: plain(text, LIMITS.optionText), value };
}

/** A state select; `optionValue` turns a state (undefined = all) into the option value. */
export function stateSelect(
  actionId: string,
  selected: StateName | undefined,
  optionValue: (state: StateName | undefined) => string,
): StaticSelect {
  const options = [
    option('All states', optionValue(undefined)),
    ...STATE_NAMES.map((s) => option(`${STATE_EMOJI[s]} ${s}`, optionValue(s))),
  ];
  return withInitial(
    { type: 'static_select', action_id: actionId, placeholder: plain('State', 150), options },
    optionValue(selected),
  );
}

/**
 * A category select, in the registry's order. Slack allows 100 options: "All" plus the first 99 categories,
 * with the selected one always included so that it can be shown as chosen.
 */
export function categorySelect(
  actionId: string,
  registry: Registry,
  selected: string | undefined,
  optionValue: (categoryId: string | undefined) => string,
): StaticSelect {
  const room = 99;
  const chosen = registry.categories.find((c) => c.id === selected);
  const first = registry.categories.slice(0, room);
  const shown = chosen && !first.includes(chosen) ? [...first.slice(0, room - 1), chosen] : first;
  const options = [
    option('All categories', optionValue(undefined)),
    ...shown
      .map((c) => option(c.name, optionValue(c.id)))
      .filter((o) => (o.value ?? '').length <= OPTION_VALUE_MAX),
  ];
  return withInitial(
    { type: 'static_select', action_id: actionId, placeholder: plain('Category', 150), options },
    optionValue(chosen?.id),
  );
}

/** Slack requires initial_option to equal one of the options exactly, so it is looked up, not rebuilt. */
function withInitial(select: StaticSelect, value: string): StaticSelect {
  const initial = select.options?.find((o) => o.value === value);
  return initial ? { ...select, initial_option: initial } : select;
}
