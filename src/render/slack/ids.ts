/**
 * Every Slack id the app owns, in one place: the command name, action ids, block ids and the Home view's
 * callback id. Handlers, renderers and the manifest test all read them from here. Action ids never change
 * once shipped: a button in a message from last month must still reach its handler.
 */
export const COMMAND = '/osm-feature';

/** The docs site whose links the app unfurls (manifest.yml `unfurl_domains`). */
export const DOCS_DOMAIN = 'docs.openservicemesh.io';

export const ACTION_IDS = {
  /** Prefix; a suffix `:N` keeps several buttons in one actions block unique. Value: feature id. */
  pickFeature: 'osm_pick_feature',
  /** Value: feature id. */
  shareCard: 'osm_share_card',
  /** Value: feature id. */
  subscribeFeature: 'osm_subscribe_feature',
  /** Value: a state name (Alpha, Beta, Stable). */
  showPolicy: 'osm_show_policy',
  /** Option values: an encoded list filter (see render/home-filters.ts), so an old message still works. */
  filterState: 'osm_filter_state',
  filterCategory: 'osm_filter_category',
  /** Option values: a state name or `all`. */
  homeFilterState: 'osm_home_filter_state',
  /** Option values: a category id or `all`. */
  homeFilterCategory: 'osm_home_filter_category',
  /** plain_text_input with dispatch_action: its value is the search text. */
  homeSearch: 'osm_home_search',
  /** Prefix with `:N`; value: the page to show (0-based). */
  homeMore: 'osm_home_more',
  /** Clears the Home filters and search. */
  homeClear: 'osm_home_clear',
} as const;

export type ActionId = (typeof ACTION_IDS)[keyof typeof ACTION_IDS];

export const BLOCK_IDS = {
  cardActions: 'osm_card_actions',
  didYouMean: 'did_you_mean',
  listFilters: 'osm_list_filters',
  homeFilters: 'osm_home_filters',
  /** Prefix: a suffix derived from the current search makes Slack show the new initial_value. */
  homeSearch: 'osm_home_search_block',
  homePaging: 'osm_home_paging',
} as const;

/** The Home view's callback_id, so a view payload can be told apart from other surfaces. */
export const HOME_CALLBACK_ID = 'osm_home';

/** The action id a block_actions payload carries, without its `:N` suffix. */
export function baseActionId(actionId: string): string {
  const colon = actionId.indexOf(':');
  return colon === -1 ? actionId : actionId.slice(0, colon);
}

/** The app's name as the manifest gives it (its bot user's default display name). */
export const APP_NAME = 'osm-feature';
