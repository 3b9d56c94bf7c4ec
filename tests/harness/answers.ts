import type { Answer } from '../../src/answer/answer.js';
import { answerQuestion } from '../../src/answer/answer-question.js';
import { answerFeatureCard } from '../../src/answer/feature-card.js';
import { sourceOf } from '../../src/answer/source.js';
import { isQuestion } from '../../src/intents/intent.js';
import { parseIntent } from '../../src/intents/parse.js';
import type { Change } from '../../src/registry/history/diff.js';
import type { Feature, Registry } from '../../src/registry/schema.js';
import type { SlackMessage } from '../../src/render/slack/blocks.js';
import { renderSlackAnswer } from '../../src/render/slack/render-answer.js';

/** The engine's answer to typed text (a question; subscription commands throw). */
export function answerFor(text: string, registry: Registry): Answer {
  const intent = parseIntent(text, registry);
  if (!isQuestion(intent)) throw new Error(`${text} is not a question`);
  return answerQuestion(intent, registry);
}

/** Typed text answered and rendered for Slack, without buttons (as the CLI's --json shows it). */
export function askSlack(text: string, registry: Registry): SlackMessage {
  return renderSlackAnswer(answerFor(text, registry), { interactive: false });
}

/** A feature's card as Slack shows it, without buttons. */
export function cardMessage(feature: Feature, registry: Registry, release?: string): SlackMessage {
  return renderSlackAnswer(answerFeatureCard(feature, release, registry), { interactive: false });
}

/** The changes answer for a diff between two releases. */
export function changesMessage(
  changes: Change[],
  from: string,
  to: string,
  registry: Registry,
): SlackMessage {
  return renderSlackAnswer({
    kind: 'changes',
    from,
    to,
    changes,
    states: registry.states,
    source: sourceOf(registry),
  });
}

/** A feature's history as Slack shows it. */
export function historyMessage(feature: Feature, registry: Registry): SlackMessage {
  return renderSlackAnswer({ kind: 'history', feature, source: sourceOf(registry) });
}
