import { guaranteeFor } from '../registry/history/guarantee.js';
import { currentSince, stateAt } from '../registry/history/releases.js';
import type { Feature, Registry } from '../registry/schema.js';
import type { Answer } from './answer.js';
import { withRelease } from './release-view.js';
import { sourceOf } from './source.js';

function categoryName(registry: Registry, feature: Feature): string {
  return registry.categories.find((c) => c.id === feature.category)?.name ?? feature.category;
}

/**
 * A known feature's card: today's (with since-release, guarantee and notes), or as of a release. Shared by
 * typed questions and by buttons, which already hold the feature by id. Pure.
 */
export function answerFeatureCard(feature: Feature, release: string | undefined, registry: Registry): Answer {
  if (!release) {
    const since = currentSince(feature);
    return {
      kind: 'feature-card',
      card: {
        feature,
        categoryName: categoryName(registry, feature),
        policy: registry.states[feature.state],
        ...(since ? { since } : {}),
        guarantee: guaranteeFor(feature, registry, since),
        notes: feature.notes ?? [],
        source: sourceOf(registry),
      },
    };
  }
  return withRelease(release, registry, (view, name) => {
    const at = stateAt(feature, name);
    if (at.kind === 'not-yet')
      return { kind: 'feature-not-yet', feature, release: name, firstRelease: at.firstRelease };
    if (at.kind === 'unknown') return { kind: 'feature-no-history', feature, release: name };
    // The release view trims history and notes to what was known then: no notes from the future.
    const asOf = view.features.find((f) => f.id === feature.id) ?? { ...feature, state: at.state };
    return {
      kind: 'feature-card',
      card: {
        feature: asOf,
        categoryName: categoryName(view, asOf),
        policy: view.states[asOf.state],
        asOf: { release: name, ...(at.since ? { since: at.since } : {}) },
        notes: asOf.notes ?? [],
        source: sourceOf(view),
      },
    };
  });
}
