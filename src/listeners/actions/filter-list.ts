import type { Answer } from '../../answer/answer.js';
import { answerQuestion } from '../../answer/answer-question.js';
import type { FeatureFilter } from '../../registry/query/feature-filter.js';
import type { Registry } from '../../registry/schema.js';
import { decodeListFilter } from '../../render/slack/list-filter-value.js';
import { renderSlackAnswer } from '../../render/slack/render-answer.js';
import type { ListenerDeps } from '../deps.js';
import type { SelectChoice } from './click-context.js';

type Decoded = { ok: true; filter: FeatureFilter } | { ok: false; answer: Answer };

/** The filter an option stands for, or why it cannot be applied any more. */
function decodeChoice(value: string, registry: Registry): Decoded {
  const filter = decodeListFilter(value);
  if (!filter) return { ok: false, answer: { kind: 'stale-filter', reason: 'unreadable' } };
  if (filter.category && !registry.categories.some((c) => c.id === filter.category))
    return { ok: false, answer: { kind: 'stale-filter', reason: 'category-gone' } };
  return { ok: true, filter };
}

/**
 * The list a filter stands for. One dimension gives exactly the answer the typed question gives
 * (`/osm-feature beta`, `/osm-feature category security`); both give Beta features of that category. Pure.
 */
export function answerFilteredList(filter: FeatureFilter, registry: Registry): Answer {
  const { state, category, release } = filter;
  const intent = category
    ? { kind: 'category' as const, query: category, ...(state ? { state } : {}), release }
    : state
      ? { kind: 'state' as const, state, release }
      : { kind: 'list' as const, release };
  return answerQuestion(intent, registry);
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
      const why = renderSlackAnswer(choice.answer);
      await respond({ response_type: 'ephemeral', replace_original: false, ...why });
      return;
    }
    await respond({
      replace_original: true,
      ...renderSlackAnswer(answerFilteredList(choice.filter, registry)),
    });
  };
}
