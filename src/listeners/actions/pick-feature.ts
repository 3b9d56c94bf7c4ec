import { answerFeatureCard } from '../../answer/feature-card.js';
import { ACTION_IDS } from '../../render/slack/ids.js';
import { renderSlackAnswer } from '../../render/slack/render-answer.js';
import type { ListenerDeps } from '../deps.js';
import { type ButtonClick, clickLog } from './click-context.js';
import { featureById, featureGone } from './feature-lookup.js';

/** A "did you mean" button: the answer is replaced with the chosen feature's card, buttons and all. */
export function pickFeature(deps: ListenerDeps) {
  return async ({ ack, body, action, respond }: ButtonClick): Promise<void> => {
    await ack();
    const registry = deps.registry.current();
    const feature = featureById(registry, action.value);
    if (!feature) {
      clickLog(deps, body, ACTION_IDS.pickFeature).info(
        { value: action.value },
        'picked a feature no longer in the registry',
      );
      const gone = renderSlackAnswer(featureGone(action.value));
      await respond({ response_type: 'ephemeral', replace_original: false, ...gone });
      return;
    }
    await respond({
      replace_original: true,
      ...renderSlackAnswer(answerFeatureCard(feature, undefined, registry)),
    });
  };
}
