import type { NamedFilter } from '../../answer/subscription-result.js';
import { escapeMrkdwn } from './mrkdwn.js';

function nameOf(named: NamedFilter, id: string): string {
  return escapeMrkdwn(named.name ?? id);
}

/** What a channel with this filter will receive, in plain words (mrkdwn, names escaped). Pure. */
export function describeFilter(named: NamedFilter): string {
  const { filter } = named;
  switch (filter.kind) {
    case 'all':
      return 'every lifecycle change to any OSM feature: promotions, demotions, additions, removals, renames and policy changes';
    case 'feature':
      return `changes to *${nameOf(named, filter.featureId)}*: its state, name or category, its removal, and changes to what its state promises`;
    case 'category':
      return `changes to any feature in *${nameOf(named, filter.categoryId)}* (including features moving in or out of it)`;
    case 'state':
      return `features moving into or out of *${filter.state}*, added or removed as ${filter.state}, and changes to what ${filter.state} promises`;
    case 'promotions':
      return 'features promoted to a more stable state (Alpha → Beta, Beta → Stable)';
    case 'removals':
      return 'features removed from the lifecycle page';
  }
}

/** A short label for lists, e.g. "feature *Multicluster*". Pure. */
export function filterLabel(named: NamedFilter): string {
  const { filter } = named;
  switch (filter.kind) {
    case 'all':
      return 'all changes';
    case 'feature':
      return `feature *${nameOf(named, filter.featureId)}*`;
    case 'category':
      return `category *${nameOf(named, filter.categoryId)}*`;
    case 'state':
      return `state *${filter.state}*`;
    case 'promotions':
      return 'promotions';
    case 'removals':
      return 'removals';
  }
}
