import { answerQuestion, isQuestion } from '../intents/answer.js';
import { type CachedAnswer, cachedAnswer } from '../intents/answer-cache.js';
import { parseIntent } from '../intents/parse.js';
import type { Registry } from '../registry/schema.js';
import type { SlackMessage } from '../render/blocks.js';
import { renderListFilters } from '../render/feature-list.js';
import { renderNotice } from '../render/help.js';
import { featureCardActions } from './actions/card-actions.js';
import type { AskContext, ListenerDeps } from './deps.js';

/** An answer, and whether only the asker should see it (subscription management names who subscribed). */
export type TextAnswer = SlackMessage & { privateToAsker?: boolean };

/** Parses (and, for questions, answers) text: pure, cached per registry version. */
export function resolveText(text: string, registry: Registry): CachedAnswer {
  return cachedAnswer(registry, text, () => {
    const parsed = parseIntent(text, registry);
    if (!isQuestion(parsed)) return { intent: parsed };
    const answer = answerQuestion(parsed, registry, {
      featureActions: featureCardActions,
      listControls: renderListFilters,
    });
    return { intent: parsed, message: answer };
  });
}

/** Finishes a resolved text: its answer, or the subscription command run against the store and Slack. */
export async function answerResolved(
  resolved: CachedAnswer,
  ctx: AskContext,
  deps: ListenerDeps,
): Promise<TextAnswer> {
  const { intent, message } = resolved;
  ctx.log.debug({ intent: intent.kind }, 'parsed intent');
  if (message) return message;
  if (isQuestion(intent)) throw new Error('a question was cached without its answer');
  if (!deps.subscriptions) return renderNotice('Channel notices are not set up on this installation.');
  return { ...(await deps.subscriptions.handle(intent, ctx)), privateToAsker: true };
}

/** The one path from typed text to an answer, shared by the command, mentions and DMs. */
export function answerText(text: string, ctx: AskContext, deps: ListenerDeps): Promise<TextAnswer> {
  return answerResolved(resolveText(text, deps.registry.current()), ctx, deps);
}
