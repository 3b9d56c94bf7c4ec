import type { Registry } from '../../registry/schema.js';
import { renderNotice } from '../../render/help.js';
import { decodeListFilter, type FeatureFilter } from '../../render/home-filters.js';
import type { ListenerDeps } from '../deps.js';
import type { SelectChoice } from './click-context.js';
import { answerFilteredList } from './filtered-list.js';

type Decoded = { ok: true; filter: FeatureFilter } | { ok: false; why: string };

/** The filter an option stands for, or why it cannot be applied any more. */
function decodeChoice(value: string, registry: Registry): Decoded {
  const filter = decodeListFilter(value);
  if (!filter)
    return { ok: false, why: 'That list is too old to filter. Ask again with `/osm-feature list`.' };
  if (filter.category && !registry.categories.some((c) => c.id === filter.category)) {
    return {
      ok: false,
      why: 'That category is no longer in the registry. See what is there now with `/osm-feature list`.',
    };
  }
  return { ok: true, filter };
}

/**
 * The state and category selects on a list: the list is redrawn in place with the chosen filter. The option
 * value holds the whole filter, so this works on any list this app ever posted.
 */
export function filterList(deps: ListenerDeps) {
  return async ({ ack, action, respond }: SelectChoice): Promise<void> => {
    await ack();
    const registry = deps.registry.current();
    const choice = decodeChoice(action.selected_option.value, registry);
    if (!choice.ok) {
      // The list stays as it was; the explanation goes only to the person who chose.
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(choice.why) });
      return;
    }
    await respond({ replace_original: true, ...answerFilteredList(choice.filter, registry) });
  };
}
