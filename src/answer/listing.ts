import type { QuestionIntent } from '../intents/intent.js';
import { findCategory } from '../registry/query/category-match.js';
import type { FeatureFilter } from '../registry/query/feature-filter.js';
import { findGroup } from '../registry/query/group.js';
import type { Feature, Registry, StateName } from '../registry/schema.js';
import type { Answer, FeatureList, ListScope } from './answer.js';
import { sourceOf } from './source.js';

type ListIntent = Extract<QuestionIntent, { kind: 'state' | 'list' | 'category' | 'group' }>;

/** A list of features (all, one state, one category) from one registry view. Pure. */
export function answerListing(intent: ListIntent, registry: Registry): Answer {
  // A list asked "as of" a release keeps that release in its filter, so its selects stay in that release.
  const release = intent.release ? registry.current_release : undefined;
  const list = (scope: ListScope, filter: FeatureFilter | undefined, among = registry.features): Answer => {
    const features = among.filter((f) => inScope(scope, f));
    const state = scope.kind === 'all' ? undefined : scope.state;
    const withPolicy = state && !('negate' in scope && scope.negate);
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
  if (intent.kind === 'group') {
    const scope: ListScope = { kind: 'group', words: intent.words, ...stateFilter(intent) };
    return list(scope, undefined, findGroup(registry, intent.words) ?? []);
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
  const negate = intent.negate === true;
  return list(
    { kind: 'category', category: match.category, ...stateFilter(intent) },
    negate ? undefined : { category: match.category.id, ...(state ? { state } : {}) },
  );
}

function stateFilter(intent: { state?: StateName; negate?: boolean }): {
  state?: StateName;
  negate?: boolean;
} {
  if (!intent.state) return {};
  return intent.negate ? { state: intent.state, negate: true } : { state: intent.state };
}

function stateMatches(scope: { state?: StateName; negate?: boolean }, feature: Feature): boolean {
  if (!scope.state) return true;
  return scope.negate ? feature.state !== scope.state : feature.state === scope.state;
}

function inScope(scope: ListScope, feature: Feature): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'state':
      return scope.negate ? feature.state !== scope.state : feature.state === scope.state;
    case 'category':
      return feature.category === scope.category.id && stateMatches(scope, feature);
    case 'group':
      return stateMatches(scope, feature);
  }
}
