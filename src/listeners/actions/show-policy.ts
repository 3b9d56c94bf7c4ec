import { answerQuestion } from '../../answer/answer-question.js';
import { StateNameSchema } from '../../registry/schema.js';
import { renderSlackAnswer } from '../../render/slack/render-answer.js';
import type { ListenerDeps } from '../deps.js';
import type { ButtonClick } from './click-context.js';

/** "What does <State> promise?": the state's full policy, as a new ephemeral message under the card. */
export function showPolicy(deps: ListenerDeps) {
  return async ({ ack, action, respond }: ButtonClick): Promise<void> => {
    await ack();
    const state = StateNameSchema.safeParse(action.value);
    const answer = state.success
      ? answerQuestion({ kind: 'policy', state: state.data }, deps.registry.current())
      : ({ kind: 'unknown-state-button' } as const);
    await respond({ response_type: 'ephemeral', replace_original: false, ...renderSlackAnswer(answer) });
  };
}
