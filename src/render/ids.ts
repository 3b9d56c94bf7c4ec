/**
 * Every Slack id the app owns, in one place: the command name, action ids and block ids. Handlers, renderers
 * and the manifest test all read them from here.
 */
export const COMMAND = '/osm-feature';

export const ACTION_IDS = {
  /** Prefix; a suffix `:N` keeps several buttons in one actions block unique. Value: feature id. */
  pickFeature: 'osm_pick_feature',
  shareCard: 'osm_share_card',
  subscribeFeature: 'osm_subscribe_feature',
  showPolicy: 'osm_show_policy',
  filterState: 'osm_filter_state',
  filterCategory: 'osm_filter_category',
  homeFilterState: 'osm_home_filter_state',
  homeFilterCategory: 'osm_home_filter_category',
  homeSearch: 'osm_home_search',
  homeMore: 'osm_home_more',
} as const;

export type ActionId = (typeof ACTION_IDS)[keyof typeof ACTION_IDS];

/** The action id a block_actions payload carries, without its `:N` suffix. */
export function baseActionId(actionId: string): string {
  const colon = actionId.indexOf(':');
  return colon === -1 ? actionId : actionId.slice(0, colon);
}
