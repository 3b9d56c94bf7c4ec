import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS, actionPattern } from '../../render/ids.js';
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
 * with a routing table costs ~5. Patterns accept the `:N` suffix that keeps ids unique inside one actions
 * block, so a message with several "did you mean" buttons reaches one handler.
 */
export function registerActions(app: App, deps: ListenerDeps): void {
  // Each handler reads its own element type (button, select, input); the route's pattern guarantees which.
  const route = (id: Parameters<typeof actionPattern>[0], handler: unknown): [RegExp, ActionHandler] => [
    actionPattern(id),
    handler as ActionHandler,
  ];
  const homeFilterHandler = homeFilter(deps);
  const filterListHandler = filterList(deps);
  const routes = [
    route(ACTION_IDS.pickFeature, pickFeature(deps)),
    route(ACTION_IDS.shareCard, shareCard(deps)),
    route(ACTION_IDS.subscribeFeature, subscribeFeature(deps)),
    route(ACTION_IDS.showPolicy, showPolicy(deps)),
    route(ACTION_IDS.filterState, filterListHandler),
    route(ACTION_IDS.filterCategory, filterListHandler),
    route(ACTION_IDS.homeFilterState, homeFilterHandler),
    route(ACTION_IDS.homeFilterCategory, homeFilterHandler),
    route(ACTION_IDS.homeSearch, homeFilterHandler),
    route(ACTION_IDS.homeClear, homeFilterHandler),
    route(ACTION_IDS.homeMore, homeMore(deps)),
  ];
  app.action<BlockAction>(/^osm_/, async (args) => {
    const id = args.action.action_id;
    await routes.find(([pattern]) => pattern.test(id))?.[1](args);
  });
}
