import { isQuestion } from '../intents/intent.js';
import { parseIntent } from '../intents/parse.js';
import type { Registry } from '../registry/schema.js';
import { type CachedAnswer, cachedAnswer } from './answer-cache.js';
import { answerQuestion } from './answer-question.js';

/**
 * Parses typed text and, for questions, answers it: pure, cached per registry version. Subscription commands
 * come back with their intent only; they need the store and Slack. One path for commands, mentions, DMs, the
 * CLI and the sandbox.
 */
export function resolveText(text: string, registry: Registry): CachedAnswer {
  return cachedAnswer(registry, text, () => {
    const intent = parseIntent(text, registry);
    return isQuestion(intent) ? { intent, answer: answerQuestion(intent, registry) } : { intent };
  });
}
