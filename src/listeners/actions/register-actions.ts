import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS, baseActionId } from '../../render/ids.js';
import type { ListenerDeps } from '../deps.js';
import { filterList } from './filter-list.js';
import { homeFilter } from './home-filter.js';
import { homeMore } from './home-more.js';
import { pickFeature } from './pick-feature.js';
import { shareCard } from './share-card.js';
import { showPolicy } from './show-policy.js';
import { subscribeFeature } from './subscribe-feature.js';

type ActionHandler = (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => Promise<void>;

/**
 * Every button and select, behind one Bolt listener. Bolt runs the matchers of every registered listener on
 * every request (commands and events too), so eleven action listeners cost each request ~60 µs; one listener
 * with a routing table costs ~5. The `:N` suffix that keeps ids unique inside one actions block is dropped
 * before routing, so a message with several "did you mean" buttons reaches one handler.
 */
export function registerActions(app: App, deps: ListenerDeps): void {
  // Each handler reads its own element type (button, select, input); the action id guarantees which.
  const asHandler = (handler: unknown): ActionHandler => handler as ActionHandler;
  const homeFilterHandler = asHandler(homeFilter(deps));
  const filterListHandler = asHandler(filterList(deps));
  const routes = new Map<string, ActionHandler>([
    [ACTION_IDS.pickFeature, asHandler(pickFeature(deps))],
    [ACTION_IDS.shareCard, asHandler(shareCard(deps))],
    [ACTION_IDS.subscribeFeature, asHandler(subscribeFeature(deps))],
    [ACTION_IDS.showPolicy, asHandler(showPolicy(deps))],
    [ACTION_IDS.filterState, filterListHandler],
    [ACTION_IDS.filterCategory, filterListHandler],
    [ACTION_IDS.homeFilterState, homeFilterHandler],
    [ACTION_IDS.homeFilterCategory, homeFilterHandler],
    [ACTION_IDS.homeSearch, homeFilterHandler],
    [ACTION_IDS.homeClear, homeFilterHandler],
    [ACTION_IDS.homeMore, asHandler(homeMore(deps))],
  ]);
  app.action<BlockAction>(/^osm_/, async (args) => {
    const handler = routes.get(baseActionId(args.action.action_id));
    // An id this build no longer knows (a retired button on an old message) is still acknowledged.
    if (handler) await handler(args);
    else await args.ack();
  });
}
