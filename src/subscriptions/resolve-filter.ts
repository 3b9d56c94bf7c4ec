import type { Answer } from '../answer/answer.js';
import type { FilterRequest } from '../intents/intent.js';
import { findCategory } from '../registry/query/category-match.js';
import { findFeature } from '../registry/query/match.js';
import type { Registry } from '../registry/schema.js';
import type { SubscriptionFilter } from '../registry/subscription-filter.js';

export type FilterResolution = { ok: true; filter: SubscriptionFilter } | { ok: false; answer: Answer };

/**
 * Turns what a person asked for into a stored filter, resolving feature and category names against the
 * registry. An ambiguous or unknown name is an answer (did you mean / not found), never a guess. Pure.
 */
export function resolveFilter(
  request: FilterRequest,
  registry: Registry,
  verb: 'subscribe' | 'unsubscribe',
): FilterResolution {
  switch (request.kind) {
    case 'all':
    case 'promotions':
    case 'removals':
      return { ok: true, filter: { kind: request.kind } };
    case 'state':
      return { ok: true, filter: { kind: 'state', state: request.state } };
    case 'category': {
      const match = findCategory(registry, request.query);
      if (match.kind === 'found')
        return { ok: true, filter: { kind: 'category', categoryId: match.category.id } };
      const result =
        match.kind === 'ambiguous'
          ? {
              kind: 'ambiguous-filter' as const,
              subject: 'category' as const,
              query: request.query,
              names: match.candidates.map((c) => c.name),
              verb,
            }
          : {
              kind: 'unknown-category' as const,
              query: request.query,
              categories: registry.categories.map((c) => c.name),
            };
      return { ok: false, answer: { kind: 'subscription-result', result } };
    }
    case 'feature': {
      const match = findFeature(registry, request.query);
      if (match.kind === 'found')
        return { ok: true, filter: { kind: 'feature', featureId: match.feature.id } };
      if (match.kind === 'ambiguous') {
        const result = {
          kind: 'ambiguous-filter' as const,
          subject: 'feature' as const,
          query: request.query,
          names: match.candidates.map((f) => f.name),
          verb,
        };
        return { ok: false, answer: { kind: 'subscription-result', result } };
      }
      return {
        ok: false,
        answer: { kind: 'not-found', query: request.query, suggestions: match.suggestions },
      };
    }
  }
}
