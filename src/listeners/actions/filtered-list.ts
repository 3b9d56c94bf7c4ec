import { type AnswerDecorations, answerQuestion } from '../../intents/answer.js';
import { registryAt } from '../../registry/releases.js';
import type { Registry } from '../../registry/schema.js';
import type { SlackMessage } from '../../render/blocks.js';
import { renderFeatureList, renderListFilters } from '../../render/feature-list.js';
import { renderNotice } from '../../render/help.js';
import type { FeatureFilter } from '../../render/home-filters.js';
import { escapeMrkdwn } from '../../render/mrkdwn.js';

/** List answers carry their filters, so that a filtered list can be filtered again. */
export const LIST_DECORATIONS: AnswerDecorations = { listControls: renderListFilters };

/**
 * The list a filter stands for. One dimension gives exactly the answer the typed question gives
 * (`/osm-feature beta`, `/osm-feature category security`); both give Beta features of that category. Pure.
 */
export function answerFilteredList(filter: FeatureFilter, registry: Registry): SlackMessage {
  const { state, category, release } = filter;
  const known = category ? registry.categories.find((c) => c.id === category) : undefined;
  if (category && !known) {
    return renderNotice(
      'That category is no longer in the registry. See what is there now with `/osm-feature list`.',
    );
  }
  if (!known)
    return answerQuestion(
      state ? { kind: 'state', state, release } : { kind: 'list', release },
      registry,
      LIST_DECORATIONS,
    );
  if (!state)
    return answerQuestion({ kind: 'category', query: known.id, release }, registry, LIST_DECORATIONS);
  const view = release ? registryAt(registry, release) : { ok: true as const, registry, release: '' };
  if (!view.ok) return answerQuestion({ kind: 'list', release }, registry, LIST_DECORATIONS);
  const at = view.registry.current_release ? ` in ${view.registry.current_release}` : '';
  const features = view.registry.features.filter((f) => f.state === state && f.category === known.id);
  return renderFeatureList(view.registry, features, {
    title: `${state} features in ${known.name}${at}`,
    intro: `_${escapeMrkdwn(view.registry.states[state].definition)}_`,
    badges: false,
    emptyText: `No ${escapeMrkdwn(known.name)} feature is ${state}${at}.`,
    controls: renderListFilters(filter, view.registry),
  });
}
