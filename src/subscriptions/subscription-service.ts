import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Answer } from '../answer/answer.js';
import type { BotIdentity, SubscriptionResult } from '../answer/subscription-result.js';
import type { FilterRequest, ScheduleRequest, SubscriptionIntent } from '../intents/intent.js';
import type { RegistryProvider } from '../registry/provider.js';
import type { SubscriptionFilter } from '../registry/subscription-filter.js';
import { canonicalFilterKey } from '../store/rows.js';
import type { Store, Subscription, WorkspaceRef } from '../store/store.js';
import { CONFIG_SUBSCRIBER } from './config-subscriptions.js';
import { nameFilter } from './named-filter.js';
import { planDigests } from './plan-digests.js';
import { checkPostable } from './postability.js';
import { resolveFilter } from './resolve-filter.js';
import { runSettingsCommand } from './settings-commands.js';
import { checkSubscribePermission } from './subscribe-permission.js';
import { subscribePolicy } from './workspace-settings.js';

/** Who asked, where: the channel (of a workspace) a subscription command acts on. */
export interface ChannelContext {
  workspace: WorkspaceRef;
  channelId: string;
  userId: string;
  client: WebClient;
  log: Logger;
}

/**
 * Channel subscriptions: what `subscribe`, `unsubscribe` and `subscriptions` do, typed or by button; and
 * the workspace's settings and the channel's delivery log.
 */
export interface SubscriptionService {
  /** Runs one subscription command for the channel and says, as data, what it did. */
  runCommand(intent: SubscriptionIntent, ctx: ChannelContext): Promise<Answer>;
}

export interface SubscriptionServiceDeps {
  registry: RegistryProvider;
  store: Store;
  /** The bot's name and user id as Slack reported them at start, for "invite me" hints. */
  bot?: () => BotIdentity;
  /** The clock mutes are measured by (default Date.now). */
  now?: () => number;
}

const sameFilter = (a: SubscriptionFilter, b: SubscriptionFilter): boolean =>
  canonicalFilterKey(a) === canonicalFilterKey(b);

const result = (r: SubscriptionResult): Answer => ({ kind: 'subscription-result', result: r });

/**
 * Subscribing checks first that the bot can post in the channel: a private channel it is not in is NOT
 * subscribed (the answer says how to invite it). That is the kinder choice: a subscription that can never
 * deliver would be paused by the first failed notice, long after anyone remembers asking.
 */
export function createSubscriptionService(deps: SubscriptionServiceDeps): SubscriptionService {
  const bot = (): BotIdentity => deps.bot?.() ?? {};
  const now = deps.now ?? Date.now;
  const list = (ctx: ChannelContext): Promise<Subscription[]> =>
    deps.store.subscriptions.list(ctx.workspace, { channelId: ctx.channelId, includeInactive: true });

  const subscribe = async (
    request: FilterRequest,
    ctx: ChannelContext,
    schedule: ScheduleRequest = 'immediately',
  ): Promise<Answer> => {
    const registry = deps.registry.current();
    const resolved = resolveFilter(request, registry, 'subscribe');
    if (!resolved.ok) return resolved.answer;
    const filter = resolved.filter;
    const named = nameFilter(filter, registry);
    const postable = await checkPostable(ctx.client, ctx.channelId);
    if (postable.kind === 'archived') return result({ kind: 'archived' });
    if (postable.kind === 'invite-needed')
      return result({ kind: 'invite-needed', filter: named, bot: bot() });
    const before = (await list(ctx)).find((s) => sameFilter(s.filter, filter));
    const { created, subscription } = await deps.store.subscriptions.add(ctx.workspace, {
      channelId: ctx.channelId,
      filter,
      createdBy: ctx.userId,
      schedule,
    });
    const digest = await planDigests(subscription, ctx, { store: deps.store, registry: deps.registry, now });
    const state = created ? 'created' : before && !before.active ? 'resumed' : 'existing';
    ctx.log.info({ filter, state }, 'channel subscribed to notices');
    if (postable.kind === 'unknown')
      ctx.log.warn({ error: postable.error }, 'could not check the channel at subscribe time');
    return result({
      kind: 'subscribed',
      filter: named,
      state,
      ...(postable.kind === 'unknown' ? { uncheckedError: postable.error } : {}),
      bot: bot(),
      ...(digest ? { digest } : {}),
    });
  };

  const unsubscribeAll = async (ctx: ChannelContext): Promise<Answer> => {
    const had = await list(ctx);
    const removed = await deps.store.subscriptions.remove(ctx.workspace, ctx.channelId);
    ctx.log.info({ removed }, 'channel unsubscribed from all notices');
    return result({ kind: 'unsubscribed-all', removed, hadConfig: had.some((s) => s.source === 'config') });
  };

  const unsubscribeOne = async (request: FilterRequest, ctx: ChannelContext): Promise<Answer> => {
    const registry = deps.registry.current();
    const existing = await list(ctx);
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
    if (!filter) return resolved.ok ? listAnswer(existing, ctx) : resolved.answer;
    const target = filter;
    const wasConfig = existing.some((s) => s.source === 'config' && sameFilter(s.filter, target));
    const removed = await deps.store.subscriptions.remove(ctx.workspace, ctx.channelId, target);
    ctx.log.info({ filter: target, removed }, 'channel unsubscribed from notices');
    return result({
      kind: 'unsubscribed',
      filter: nameFilter(target, registry),
      removed,
      remaining: (await list(ctx)).map((s) => nameFilter(s.filter, registry)),
      wasConfig,
    });
  };

  const listAnswer = async (subs: readonly Subscription[], ctx: ChannelContext): Promise<Answer> => {
    const registry = deps.registry.current();
    const mute = await deps.store.mutes.get(ctx.workspace, ctx.channelId);
    const mutedUntil = mute && mute.until > now() ? mute.until : undefined;
    return result({
      kind: 'list',
      subscriptions: subs.map((s) => ({
        filter: nameFilter(s.filter, registry),
        createdBy: s.createdBy,
        fromConfig: s.source === 'config' || s.createdBy === CONFIG_SUBSCRIBER,
        createdAt: s.createdAt,
        active: s.active,
        ...(s.deactivatedReason === undefined ? {} : { deactivatedReason: s.deactivatedReason }),
        schedule: s.schedule,
      })),
      bot: bot(),
      ...(mutedUntil === undefined ? {} : { mutedUntil }),
    });
  };

  /** The answer refusing the change when the workspace's subscribe policy does not allow it. */
  const refusal = async (
    verb: 'subscribe' | 'unsubscribe',
    ctx: ChannelContext,
  ): Promise<Answer | undefined> => {
    const policy = await subscribePolicy(deps.store.settings, ctx.workspace);
    const allowed = await checkSubscribePermission(policy, verb, ctx);
    return allowed.ok ? undefined : result(allowed.result);
  };

  return {
    async runCommand(intent, ctx) {
      switch (intent.kind) {
        case 'subscribe':
          return (await refusal('subscribe', ctx)) ?? subscribe(intent.filter, ctx, intent.schedule);
        case 'unsubscribe':
          return (
            (await refusal('unsubscribe', ctx)) ??
            (intent.filter ? unsubscribeOne(intent.filter, ctx) : unsubscribeAll(ctx))
          );
        case 'subscriptions':
          return listAnswer(await list(ctx), ctx);
        default:
          return runSettingsCommand(intent, ctx, { store: deps.store, registry: deps.registry, now });
      }
    },
  };
}
