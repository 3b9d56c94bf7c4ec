import type { Answer } from '../../answer/answer.js';
import { ACTION_IDS } from '../../render/slack/ids.js';
import { renderSlackAnswer } from '../../render/slack/render-answer.js';
import type { ListenerDeps } from '../deps.js';
import { workspaceOf } from '../workspace.js';
import { type ButtonClick, clickLog } from './click-context.js';
import { featureById, featureGone } from './feature-lookup.js';

/**
 * "Subscribe this channel": the same subscription `/osm-feature subscribe <feature>` makes. The subscription
 * service answers (a confirmation, or how to invite the bot); the answer is ephemeral and leaves the card be.
 */
export function subscribeFeature(deps: ListenerDeps) {
  return async ({ ack, body, action, respond, client, context }: ButtonClick): Promise<void> => {
    await ack();
    const log = clickLog(deps, body, ACTION_IDS.subscribeFeature);
    const feature = featureById(deps.registry.current(), action.value);
    const channelId = body.channel?.id;
    const answer: Answer = !feature
      ? featureGone(action.value)
      : !channelId
        ? { kind: 'subscription-result', result: { kind: 'channel-required' } }
        : await deps.subscriptions.runCommand(
            { kind: 'subscribe', filter: { kind: 'feature', query: feature.id } },
            { workspace: workspaceOf(context), channelId, userId: body.user.id, client, log },
          );
    await respond({ response_type: 'ephemeral', replace_original: false, ...renderSlackAnswer(answer) });
  };
}
