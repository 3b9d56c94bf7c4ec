import type { Answer } from '../answer/answer.js';
import type { CachedAnswer } from '../answer/answer-cache.js';
import { resolveText } from '../answer/resolve-text.js';
import { isQuestion } from '../intents/intent.js';
import { noteRequestOutcome } from '../shared/request-outcome.js';
import type { ChannelContext } from '../subscriptions/subscription-service.js';
import type { ListenerDeps } from './deps.js';

/** An answer, and whether only the asker should see it (subscription management names who subscribed). */
export interface TextAnswer {
  answer: Answer;
  privateToAsker: boolean;
}

/** Finishes a resolved text: its answer, or the subscription command run against the store and Slack. */
export async function answerResolved(
  resolved: CachedAnswer,
  ctx: ChannelContext,
  deps: ListenerDeps,
): Promise<TextAnswer> {
  const { intent, answer } = resolved;
  ctx.log.debug({ intent: intent.kind }, 'parsed intent');
  if (answer) return { answer, privateToAsker: false };
  if (isQuestion(intent)) throw new Error('a question was cached without its answer');
  return { answer: await deps.subscriptions.runCommand(intent, ctx), privateToAsker: true };
}

/** Answers that found nothing the user asked for: the `not_found` outcome of the request metrics. */
const NOT_FOUND: ReadonlySet<Answer['kind']> = new Set([
  'not-found',
  'did-you-mean',
  'category-not-found',
  'unknown-release',
  'feature-gone',
  'not-understood',
]);

/** Notes on the request (by its body) whether its answer found what was asked for. */
export function noteAnswer(body: unknown, answer: Answer): void {
  noteRequestOutcome(body, NOT_FOUND.has(answer.kind) ? 'not_found' : 'answered');
}

/** The one path from typed text to an answer, shared by the command, mentions and DMs. */
export function answerText(text: string, ctx: ChannelContext, deps: ListenerDeps): Promise<TextAnswer> {
  return answerResolved(resolveText(text, deps.registry.current()), ctx, deps);
}
