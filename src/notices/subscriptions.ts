import type { FilterRequest } from '../intents/intent.js';
import type { AskContext, RegistryProvider, SubscriptionCommands } from '../listeners/deps.js';
import type { SlackMessage } from '../render/blocks.js';
import { canonicalFilterKey, type Store, type SubscriptionFilter } from '../store/store.js';
import { describeFilter, filterLabel, resolveFilter } from './filters.js';
import { checkPostable } from './postability.js';
import {
  renderArchived,
  renderInviteNeeded,
  renderSubscribed,
  renderSubscriptionList,
  renderUnsubscribed,
  renderUnsubscribedAll,
  uncheckedWarning,
} from './subscription-answers.js';

export interface SubscriptionCommandDeps {
  registry: RegistryProvider;
  store: Store;
}

const sameFilter = (a: SubscriptionFilter, b: SubscriptionFilter): boolean =>
  canonicalFilterKey(a) === canonicalFilterKey(b);

/**
 * `/osm-feature subscribe [filter]`, `unsubscribe [filter]` and `subscriptions`, answered with the store.
 * Subscribing checks first that the bot can post in the channel: a private channel it is not in is NOT
 * subscribed (the answer says how to invite it). That is the kinder choice: a subscription that can never
 * deliver would be paused by the first failed notice, long after anyone remembers asking.
 */
export function createSubscriptionCommands(deps: SubscriptionCommandDeps): SubscriptionCommands {
  return {
    async handle(intent, ctx) {
      switch (intent.kind) {
        case 'subscribe':
          return subscribe(intent.filter, ctx, deps);
        case 'unsubscribe':
          return intent.filter ? unsubscribeOne(intent.filter, ctx, deps) : unsubscribeAll(ctx, deps);
        case 'subscriptions':
          return renderSubscriptionList(
            deps.store.listSubscriptions(ctx.channelId, { includeInactive: true }),
            deps.registry.current(),
          );
      }
    },
  };
}

async function subscribe(
  request: FilterRequest,
  ctx: AskContext,
  deps: SubscriptionCommandDeps,
): Promise<SlackMessage> {
  const registry = deps.registry.current();
  const resolved = resolveFilter(request, registry, 'subscribe');
  if (!resolved.ok) return resolved.answer;
  const filter = resolved.filter;
  const postable = await checkPostable(ctx.client, ctx.channelId);
  if (postable.kind === 'archived') return renderArchived();
  if (postable.kind === 'invite-needed') return renderInviteNeeded(describeFilter(filter, registry));
  const before = deps.store
    .listSubscriptions(ctx.channelId, { includeInactive: true })
    .find((s) => sameFilter(s.filter, filter));
  const { subscription, created } = deps.store.addSubscription({
    channelId: ctx.channelId,
    filter,
    createdBy: ctx.userId,
  });
  const state = created ? 'created' : before && !before.active ? 'resumed' : 'existing';
  ctx.log.info({ filter, state }, 'channel subscribed to notices');
  const warning = postable.kind === 'unknown' ? uncheckedWarning(postable.error) : undefined;
  if (postable.kind === 'unknown')
    ctx.log.warn({ error: postable.error }, 'could not check the channel at subscribe time');
  return renderSubscribed(subscription, state, registry, warning);
}

function unsubscribeAll(ctx: AskContext, deps: SubscriptionCommandDeps): SlackMessage {
  const had = deps.store.listSubscriptions(ctx.channelId, { includeInactive: true });
  const removed = deps.store.removeSubscription(ctx.channelId);
  ctx.log.info({ removed }, 'channel unsubscribed from all notices');
  return renderUnsubscribedAll(
    removed,
    had.some((s) => s.source === 'config'),
  );
}

function unsubscribeOne(
  request: FilterRequest,
  ctx: AskContext,
  deps: SubscriptionCommandDeps,
): SlackMessage {
  const registry = deps.registry.current();
  const existing = deps.store.listSubscriptions(ctx.channelId, { includeInactive: true });
  let filter: SubscriptionFilter | undefined;
  const resolved = resolveFilter(request, registry, 'unsubscribe');
  if (resolved.ok) filter = resolved.filter;
  else if (request.kind === 'feature' || request.kind === 'category') {
    // The feature or category may be gone from the registry while the subscription remains: match its id.
    const id = request.query.trim().toLowerCase().replace(/\s+/g, '-');
    filter = existing
      .map((s) => s.filter)
      .find((f) => ('featureId' in f ? f.featureId : 'categoryId' in f ? f.categoryId : '') === id);
  }
  if (!filter) return resolved.ok ? renderSubscriptionList(existing, registry) : resolved.answer;
  const target = filter;
  const wasConfig = existing.some((s) => s.source === 'config' && sameFilter(s.filter, target));
  const removed = deps.store.removeSubscription(ctx.channelId, target);
  ctx.log.info({ filter: target, removed }, 'channel unsubscribed from notices');
  const remaining = deps.store.listSubscriptions(ctx.channelId, { includeInactive: true });
  return renderUnsubscribed(filterLabel(target, registry), removed, remaining, registry, wasConfig);
}
