import type { PlainTextOption, StaticSelect } from '@slack/types';
import type { Category, StateName } from '../../registry/schema.js';
import { STATE_NAMES } from '../../registry/schema.js';
import { LIMITS, plain } from './blocks.js';
import { STATE_EMOJI } from './state-style.js';

/** Slack's newer documented limit for an option value (the types' JSDoc still says 75). */
export const OPTION_VALUE_MAX = 150;
/** The select value meaning "no filter on this dimension". */
export const ALL_VALUE = 'all';

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
  categories: readonly Category[],
  selected: string | undefined,
  optionValue: (categoryId: string | undefined) => string,
): StaticSelect {
  const room = 99;
  const chosen = categories.find((c) => c.id === selected);
  const first = categories.slice(0, room);
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
