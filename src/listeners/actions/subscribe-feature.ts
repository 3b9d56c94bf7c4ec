import { renderNotice } from '../../render/help.js';
import { ACTION_IDS } from '../../render/ids.js';
import type { ListenerDeps } from '../deps.js';
import { type ButtonClick, clickLog } from './click-context.js';
import { featureById, featureGone } from './feature-lookup.js';

/**
 * "Subscribe this channel": the same subscription `/osm-feature subscribe <feature>` makes. The subscription
 * service answers (a confirmation, or how to invite the bot); the answer is ephemeral and leaves the card be.
 */
export function subscribeFeature(deps: ListenerDeps) {
  return async ({ ack, body, action, respond, client }: ButtonClick): Promise<void> => {
    await ack();
    const log = clickLog(deps, body, ACTION_IDS.subscribeFeature);
    const feature = featureById(deps.registry.current(), action.value);
    const channelId = body.channel?.id;
    const message = !feature
      ? featureGone(action.value)
      : !deps.subscriptions
        ? renderNotice(
            'Channel notices are not set up on this installation, so I can’t subscribe this channel yet.',
          )
        : !channelId
          ? renderNotice('I can only subscribe a channel from a message in that channel.')
          : await deps.subscriptions.handle(
              { kind: 'subscribe', filter: { kind: 'feature', query: feature.id } },
              { channelId, userId: body.user.id, client, log },
            );
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  };
}
