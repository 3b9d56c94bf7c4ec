import { ACTION_IDS } from '../../render/ids.js';
import type { ListenerDeps } from '../deps.js';
import { featureCardActions } from './card-actions.js';
import { type ButtonClick, clickLog } from './click-context.js';
import { featureById, featureCard, featureGone } from './feature-lookup.js';

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
      await respond({ response_type: 'ephemeral', replace_original: false, ...featureGone(action.value) });
      return;
    }
    await respond({ replace_original: true, ...featureCard(feature, registry, featureCardActions) });
  };
}
