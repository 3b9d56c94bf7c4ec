import type { KnownBlock } from '@slack/types';
import type { Feature } from '../../registry/schema.js';
import { actions, button } from './blocks.js';
import { ACTION_IDS, BLOCK_IDS } from './ids.js';

/**
 * Buttons under a feature card: share it in the channel, subscribe the channel to the feature, and show
 * what the feature's state promises. Values carry the feature id (or the state), never message state, so a
 * click on a card from months ago still works.
 */
export function featureCardActions(feature: Feature, release?: string): KnownBlock[] {
  return [
    actions(BLOCK_IDS.cardActions, [
      // A card asked "as of" a release is shared as that release's card.
      button(
        'Share in channel',
        ACTION_IDS.shareCard,
        release ? `${feature.id}@${release}` : feature.id,
        'primary',
      ),
      button('Subscribe this channel', ACTION_IDS.subscribeFeature, feature.id),
      button(`What does ${feature.state} promise?`, ACTION_IDS.showPolicy, feature.state),
    ]),
  ];
}
