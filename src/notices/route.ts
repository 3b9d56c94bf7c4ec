import { type Change, featuresOf } from '../registry/history/diff.js';
import type { Registry } from '../registry/schema.js';
import type { SubscriptionFilter } from '../registry/subscription-filter.js';
import type { Subscription, WorkspaceRef } from '../store/store.js';

/** The two registries a change-set sits between: categories are judged before and after. */
export interface RouteContext {
  before: Registry;
  after: Registry;
}

/** Category ids a change touches: where its features were before and where they are after. */
function categoriesOf(change: Change, ctx: RouteContext): Set<string> {
  const categories = new Set<string>();
  const beforeById = new Map(ctx.before.features.map((f) => [f.id, f]));
  for (const feature of featuresOf(change)) {
    categories.add(feature.category);
    const old = beforeById.get(feature.id);
    if (old) categories.add(old.category);
  }
  return categories;
}

/**
 * Whether one change is something a subscription filter asked for. Pure.
 * - feature: the change is about that feature (a policy change is about every feature in its state)
 * - category: a feature of the change is in that category before or after
 * - state: a feature moved into or out of that state, was added in it or removed from it, or the state's
 *   policy changed
 * - promotions / removals: a promotion / a removal; all: everything
 */
export function matchesFilter(change: Change, filter: SubscriptionFilter, ctx: RouteContext): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'feature':
      return featuresOf(change).some((f) => f.id === filter.featureId);
    case 'category':
      return categoriesOf(change, ctx).has(filter.categoryId);
    case 'state':
      return touchesState(change, filter.state);
    case 'promotions':
      return change.kind === 'state' && change.direction === 'promoted';
    case 'removals':
      return change.kind === 'removed';
  }
}

function touchesState(change: Change, state: string): boolean {
  switch (change.kind) {
    case 'state':
      return change.from === state || change.to === state;
    case 'added':
    case 'removed':
      return change.feature.state === state;
    case 'policy':
    case 'guarantee-ended':
      return change.state === state;
    default:
      return false;
  }
}

/** The changes one channel of one workspace gets. */
export interface RoutedChannel {
  workspace: WorkspaceRef;
  channelId: string;
  changes: Change[];
}

/**
 * Which changes each channel gets: one list per channel (of each workspace) holding every change that
 * matches ANY of its active subscriptions, once, in the change-set's order. Channels come in the order of
 * their first subscription; channels with nothing matching are left out. Pure.
 */
export function routeChanges(
  changes: readonly Change[],
  subscriptions: readonly Subscription[],
  ctx: RouteContext,
): RoutedChannel[] {
  const picked = new Map<string, { workspace: WorkspaceRef; channelId: string; indexes: Set<number> }>();
  for (const sub of subscriptions) {
    if (!sub.active) continue;
    const key = `${sub.workspace.teamId}/${sub.channelId}`;
    let entry = picked.get(key);
    if (!entry) {
      entry = { workspace: sub.workspace, channelId: sub.channelId, indexes: new Set<number>() };
      picked.set(key, entry);
    }
    const { indexes } = entry;
    changes.forEach((change, i) => {
      if (matchesFilter(change, sub.filter, ctx)) indexes.add(i);
    });
  }
  const routed: RoutedChannel[] = [];
  for (const { workspace, channelId, indexes } of picked.values()) {
    if (indexes.size === 0) continue;
    routed.push({ workspace, channelId, changes: changes.filter((_, i) => indexes.has(i)) });
  }
  return routed;
}
