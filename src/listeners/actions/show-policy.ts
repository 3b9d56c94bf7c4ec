import { StateNameSchema } from '../../registry/schema.js';
import { renderNotice } from '../../render/help.js';
import { renderPolicy } from '../../render/policy.js';
import type { ListenerDeps } from '../deps.js';
import type { ButtonClick } from './click-context.js';

/** "What does <State> promise?": the state's full policy, as a new ephemeral message under the card. */
export function showPolicy(deps: ListenerDeps) {
  return async ({ ack, action, respond }: ButtonClick): Promise<void> => {
    await ack();
    const state = StateNameSchema.safeParse(action.value);
    const message = state.success
      ? renderPolicy(deps.registry.current(), state.data)
      : renderNotice('I could not tell which state that button was about. Try `/osm-feature states`.');
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  };
}
