import { type AnswerDecorations, answerQuestion } from '../../intents/answer.js';
import type { Registry } from '../../registry/schema.js';
import type { SlackMessage } from '../../render/blocks.js';
import { renderListFilters } from '../../render/feature-list.js';
import { renderNotice } from '../../render/help.js';
import type { FeatureFilter } from '../../render/home-filters.js';

/** List answers carry their filters, so that a filtered list can be filtered again. */
export const LIST_DECORATIONS: AnswerDecorations = { listControls: renderListFilters };

/**
 * The list a filter stands for. One dimension gives exactly the answer the typed question gives
 * (`/osm-feature beta`, `/osm-feature category security`); both give Beta features of that category. Pure.
 */
export function answerFilteredList(filter: FeatureFilter, registry: Registry): SlackMessage {
  const { state, category, release } = filter;
  if (category && !registry.categories.some((c) => c.id === category)) {
    return renderNotice(
      'That category is no longer in the registry. See what is there now with `/osm-feature list`.',
    );
  }
  const intent = category
    ? { kind: 'category' as const, query: category, ...(state ? { state } : {}), release }
    : state
      ? { kind: 'state' as const, state, release }
      : { kind: 'list' as const, release };
  return answerQuestion(intent, registry, LIST_DECORATIONS);
}
