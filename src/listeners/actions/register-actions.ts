import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS, baseActionId } from '../../render/slack/ids.js';
import type { ListenerDeps } from '../deps.js';
import type { ButtonClick, SelectChoice } from './click-context.js';
import { filterList } from './filter-list.js';
import { type HomeInteraction, homeFilter } from './home-filter.js';
import { homeMore } from './home-more.js';
import { pickFeature } from './pick-feature.js';
import { shareCard } from './share-card.js';
import { showPolicy } from './show-policy.js';
import { subscribeFeature } from './subscribe-feature.js';

/** Any block_actions delivery, before its element type is known. */
type AnyAction = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** A handler with the element type it reads; the dispatcher checks the type before calling it. */
type Route =
  | { element: 'button'; handle: (args: ButtonClick) => Promise<void> }
  | { element: 'static_select'; handle: (args: SelectChoice) => Promise<void> }
  | { element: 'home'; handle: (args: HomeInteraction) => Promise<void> };

const isButton = (args: AnyAction): args is ButtonClick => args.action.type === 'button';
const isSelect = (args: AnyAction): args is SelectChoice => args.action.type === 'static_select';
const isHomeAction = (args: AnyAction): args is HomeInteraction =>
  ['button', 'static_select', 'plain_text_input'].includes(args.action.type);

/** Calls the route's handler when the element is of the type it reads; false when it is not. */
async function dispatch(route: Route, args: AnyAction): Promise<boolean> {
  if (route.element === 'button' && isButton(args)) await route.handle(args);
  else if (route.element === 'static_select' && isSelect(args)) await route.handle(args);
  else if (route.element === 'home' && isHomeAction(args)) await route.handle(args);
  else return false;
  return true;
}

/**
 * Every button and select, behind one Bolt listener. Bolt runs the matchers of every registered listener on
 * every request (commands and events too), so eleven action listeners cost each request ~60 µs; one listener
 * with a routing table costs ~5. The `:N` suffix that keeps ids unique inside one actions block is dropped
 * before routing, so a message with several "did you mean" buttons reaches one handler.
 */
export function registerActions(app: App, deps: ListenerDeps): void {
  const button = (handle: (args: ButtonClick) => Promise<void>): Route => ({ element: 'button', handle });
  const homeFilterRoute: Route = { element: 'home', handle: homeFilter(deps) };
  const filterListRoute: Route = { element: 'static_select', handle: filterList(deps) };
  const routes = new Map<string, Route>([
    [ACTION_IDS.pickFeature, button(pickFeature(deps))],
    [ACTION_IDS.shareCard, button(shareCard(deps))],
    [ACTION_IDS.subscribeFeature, button(subscribeFeature(deps))],
    [ACTION_IDS.showPolicy, button(showPolicy(deps))],
    [ACTION_IDS.filterState, filterListRoute],
    [ACTION_IDS.filterCategory, filterListRoute],
    [ACTION_IDS.homeFilterState, homeFilterRoute],
    [ACTION_IDS.homeFilterCategory, homeFilterRoute],
    [ACTION_IDS.homeSearch, homeFilterRoute],
    [ACTION_IDS.homeClear, homeFilterRoute],
    [ACTION_IDS.homeMore, button(homeMore(deps))],
  ]);
  app.action<BlockAction>(/^osm_/, async (args) => {
    const route = routes.get(baseActionId(args.action.action_id));
    // An id this build no longer knows (a retired button on an old message), or an element of another
    // type than the id promises, is still acknowledged.
    if (!route || !(await dispatch(route, args))) await args.ack();
  });
}
