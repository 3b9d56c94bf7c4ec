import type { QuestionIntent } from '../intents/intent.js';
import { findCategory } from '../registry/query/category-match.js';
import type { FeatureFilter } from '../registry/query/feature-filter.js';
import type { Registry } from '../registry/schema.js';
import type { Answer, FeatureList, ListScope } from './answer.js';
import { sourceOf } from './source.js';

type ListIntent = Extract<QuestionIntent, { kind: 'state' | 'list' | 'category' }>;

/** A list of features (all, one state, one category) from one registry view. Pure. */
export function answerListing(intent: ListIntent, registry: Registry): Answer {
  // A list asked "as of" a release keeps that release in its filter, so its selects stay in that release.
  const release = intent.release ? registry.current_release : undefined;
  const list = (scope: ListScope, filter: FeatureFilter | undefined): Answer => {
    const features = registry.features.filter((f) => inScope(scope, f));
    const state = scope.kind === 'all' ? undefined : scope.state;
    const withPolicy = state && !(scope.kind === 'state' && scope.negate);
    const answer: FeatureList = {
      scope,
      ...(registry.current_release ? { release: registry.current_release } : {}),
      features,
      categories: registry.categories,
      ...(withPolicy ? { policy: registry.states[state] } : {}),
      ...(filter ? { filter: { ...filter, ...(release ? { release } : {}) } } : {}),
      source: sourceOf(registry),
    };
    return { kind: 'feature-list', list: answer };
  };
  if (intent.kind === 'list') return list({ kind: 'all' }, {});
  if (intent.kind === 'state') {
    const negate = intent.negate === true;
    return list({ kind: 'state', state: intent.state, negate }, negate ? undefined : { state: intent.state });
  }
  const match = findCategory(registry, intent.query);
  if (match.kind !== 'found') {
    return {
      kind: 'category-not-found',
      query: intent.query,
      ambiguous: match.kind === 'ambiguous',
      categories: registry.categories,
    };
  }
  const state = intent.state;
  return list(
    { kind: 'category', category: match.category, ...(state ? { state } : {}) },
    { category: match.category.id, ...(state ? { state } : {}) },
  );
}

function inScope(scope: ListScope, feature: Registry['features'][number]): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'state':
      return scope.negate ? feature.state !== scope.state : feature.state === scope.state;
    case 'category':
      return feature.category === scope.category.id && (!scope.state || feature.state === scope.state);
  }
}
