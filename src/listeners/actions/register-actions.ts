import type { App, BlockAction, ButtonAction, PlainTextInputAction, StaticSelectAction } from '@slack/bolt';
import { ACTION_IDS, actionPattern } from '../../render/ids.js';
import type { ListenerDeps } from '../deps.js';
import { filterList } from './filter-list.js';
import { homeFilter } from './home-filter.js';
import { homeMore } from './home-more.js';
import { pickFeature } from './pick-feature.js';
import { shareCard } from './share-card.js';
import { showPolicy } from './show-policy.js';
import { subscribeFeature } from './subscribe-feature.js';

/**
 * Every button and select. Patterns accept the `:N` suffix that keeps ids unique inside one actions block, so
 * a message with several "did you mean" buttons reaches one handler.
 */
export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(actionPattern(ACTION_IDS.pickFeature), pickFeature(deps));
  app.action<BlockAction<ButtonAction>>(actionPattern(ACTION_IDS.shareCard), shareCard(deps));
  app.action<BlockAction<ButtonAction>>(actionPattern(ACTION_IDS.subscribeFeature), subscribeFeature(deps));
  app.action<BlockAction<ButtonAction>>(actionPattern(ACTION_IDS.showPolicy), showPolicy(deps));
  for (const id of [ACTION_IDS.filterState, ACTION_IDS.filterCategory])
    app.action<BlockAction<StaticSelectAction>>(actionPattern(id), filterList(deps));
  for (const id of [
    ACTION_IDS.homeFilterState,
    ACTION_IDS.homeFilterCategory,
    ACTION_IDS.homeSearch,
    ACTION_IDS.homeClear,
  ])
    app.action<BlockAction<StaticSelectAction | PlainTextInputAction | ButtonAction>>(
      actionPattern(id),
      homeFilter(deps),
    );
  app.action<BlockAction<ButtonAction>>(actionPattern(ACTION_IDS.homeMore), homeMore(deps));
}
