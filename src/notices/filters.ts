import type { FilterRequest } from '../intents/intent.js';
import { findCategory } from '../registry/query/category-match.js';
import { findFeature } from '../registry/query/match.js';
import type { Registry } from '../registry/schema.js';
import type { SlackMessage } from '../render/blocks.js';
import { renderNotFound, renderNotice } from '../render/help.js';
import { escapeMrkdwn, quoteUserText } from '../render/mrkdwn.js';
import type { SubscriptionFilter } from '../store/store.js';

export type FilterResolution = { ok: true; filter: SubscriptionFilter } | { ok: false; answer: SlackMessage };

/**
 * Turns what a person asked for into a stored filter, resolving feature and category names against the
 * registry. An ambiguous or unknown name is an answer (did you mean / not found), never a guess. Pure.
 */
export function resolveFilter(request: FilterRequest, registry: Registry, verb: string): FilterResolution {
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
      if (match.kind === 'ambiguous') {
        const names = match.candidates.map((c) => `*${escapeMrkdwn(c.name)}*`).join(', ');
        return {
          ok: false,
          answer: renderNotice(
            `“${quoteUserText(request.query)}” matches more than one category: ${names}. Try \`/osm-feature ${verb} category <full name>\`.`,
          ),
        };
      }
      const all = registry.categories.map((c) => `*${escapeMrkdwn(c.name)}*`).join(', ');
      return {
        ok: false,
        answer: renderNotice(
          `I don’t know a category called “${quoteUserText(request.query)}”. The categories are: ${all}.`,
        ),
      };
    }
    case 'feature': {
      const match = findFeature(registry, request.query);
      if (match.kind === 'found')
        return { ok: true, filter: { kind: 'feature', featureId: match.feature.id } };
      if (match.kind === 'ambiguous') {
        const names = match.candidates.map((f) => `*${escapeMrkdwn(f.name)}*`).join(', ');
        return {
          ok: false,
          answer: renderNotice(
            `“${quoteUserText(request.query)}” could be more than one feature. Did you mean: ${names}? Try \`/osm-feature ${verb} <full name>\`.`,
          ),
        };
      }
      return { ok: false, answer: renderNotFound(request.query, match.suggestions) };
    }
  }
}

/** What a channel with this filter will receive, in plain words (mrkdwn, names escaped). Pure. */
export function describeFilter(filter: SubscriptionFilter, registry: Registry): string {
  switch (filter.kind) {
    case 'all':
      return 'every lifecycle change to any OSM feature: promotions, demotions, additions, removals, renames and policy changes';
    case 'feature': {
      const name = registry.features.find((f) => f.id === filter.featureId)?.name ?? filter.featureId;
      return `changes to *${escapeMrkdwn(name)}*: its state, name or category, its removal, and changes to what its state promises`;
    }
    case 'category': {
      const name = registry.categories.find((c) => c.id === filter.categoryId)?.name ?? filter.categoryId;
      return `changes to any feature in *${escapeMrkdwn(name)}* (including features moving in or out of it)`;
    }
    case 'state':
      return `features moving into or out of *${filter.state}*, added or removed as ${filter.state}, and changes to what ${filter.state} promises`;
    case 'promotions':
      return 'features promoted to a more stable state (Alpha → Beta, Beta → Stable)';
    case 'removals':
      return 'features removed from the lifecycle page';
  }
}

/** A short label for lists, e.g. "feature *Multicluster*". Pure. */
export function filterLabel(filter: SubscriptionFilter, registry: Registry): string {
  switch (filter.kind) {
    case 'all':
      return 'all changes';
    case 'feature':
      return `feature *${escapeMrkdwn(registry.features.find((f) => f.id === filter.featureId)?.name ?? filter.featureId)}*`;
    case 'category':
      return `category *${escapeMrkdwn(registry.categories.find((c) => c.id === filter.categoryId)?.name ?? filter.categoryId)}*`;
    case 'state':
      return `state *${filter.state}*`;
    case 'promotions':
      return 'promotions';
    case 'removals':
      return 'removals';
  }
}
