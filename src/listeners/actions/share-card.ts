import { answerFeatureCard } from '../../answer/feature-card.js';
import type { SlackMessage } from '../../render/slack/blocks.js';
import { context } from '../../render/slack/blocks.js';
import { ACTION_IDS } from '../../render/slack/ids.js';
import { renderSlackAnswer } from '../../render/slack/render-answer.js';
import type { ListenerDeps } from '../deps.js';
import { type ButtonClick, clickLog, fromEphemeral } from './click-context.js';
import { featureById, featureGone, parseCardValue } from './feature-lookup.js';

/** Slack user ids only: the mention is built from the payload's user.id, never from anything typed. */
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** The card as the channel sees it: no buttons (they act for whoever clicks), and who shared it. */
export function sharedCard(card: SlackMessage, userId: string): SlackMessage {
  const by = USER_ID.test(userId) ? `<@${userId}>` : 'someone';
  return { text: `Shared: ${card.text}`, blocks: [context(`Shared by ${by}`), ...card.blocks] };
}

/**
 * "Share in channel": posts the card visibly, then swaps the ephemeral copy for a short confirmation.
 * Both go through response_url: it works wherever the original answer appeared (even channels the bot has not
 * joined), and an ephemeral message can be changed no other way.
 */
export function shareCard(deps: ListenerDeps) {
  return async ({ ack, body, action, respond }: ButtonClick): Promise<void> => {
    // Ack first: Slack shows an error to the user if the ack takes more than 3 seconds.
    await ack();
    const log = clickLog(deps, body, ACTION_IDS.shareCard);
    const registry = deps.registry.current();
    const { id, release } = parseCardValue(action.value);
    const feature = featureById(registry, id);
    if (!feature) {
      log.info({ value: action.value }, 'share clicked for a feature no longer in the registry');
      const gone = renderSlackAnswer(featureGone(action.value));
      await respond({ response_type: 'ephemeral', replace_original: false, ...gone });
      return;
    }
    const answer = answerFeatureCard(feature, release, registry);
    const card = sharedCard(renderSlackAnswer(answer, { interactive: false }), body.user.id);
    await respond({ response_type: 'in_channel', replace_original: false, ...card });
    const confirmation = renderSlackAnswer({ kind: 'shared', featureName: feature.name });
    await respond(
      fromEphemeral(body)
        ? { replace_original: true, ...confirmation }
        : { response_type: 'ephemeral', replace_original: false, ...confirmation },
    );
    log.info({ feature: feature.id }, 'feature card shared');
  };
}
