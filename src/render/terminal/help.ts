import type { AnswerSource } from '../../answer/answer.js';
import type { Feature } from '../../registry/schema.js';
import { candidateLine, didYouMeanLead, nearestNames, notFoundLead, notOnPage } from '../phrases/answers.js';
import { ENGLISH_ONLY, QUESTION_EXAMPLES } from '../phrases/understanding.js';
import { COMMAND } from '../slack/ids.js';
import { page, title } from './layout.js';
import { TERMINAL_MARKUP as m } from './markup.js';

const EXAMPLES = [
  ['multicluster', 'a feature’s state and what it promises'],
  ['stable', 'every Stable feature (also beta, alpha)'],
  ['list', 'the whole registry by category'],
  ['category security', 'one category'],
  ['policy beta', 'what a state promises; states compares all three'],
  ['multicluster@v1.0', 'a feature as of a release; releases, changes, history <feature>'],
  ['guarantees', 'every feature’s guarantee as of the current release, soonest to end first'],
] as const;

/** Usage with examples, for the CLI. Pure. */
export function helpText(featuresKnown: number, greeting: boolean, notEnglish = false): string {
  return page([
    title('OSM feature lifecycle bot'),
    notEnglish ? ENGLISH_ONLY : greeting ? `Hi! ${m.emoji('wave')}` : undefined,
    'I tell you where every Open Service Mesh feature stands: Alpha, Beta or Stable, and what that promises.',
    EXAMPLES.map(([ask, what]) => `osm-feature ask "${ask}" — ${what}`).join('\n'),
    `Or ask in plain English:\n${QUESTION_EXAMPLES.map((q) => `• ${q}`).join('\n')}`,
    `In Slack: ${COMMAND} <question>, a mention or a DM; ${COMMAND} subscribe for channel notices, deliveries for a channel's delivery log, mute 7d / unmute, settings for who may subscribe · ${featuresKnown} features known`,
  ]);
}

/** Several features are about equally close. Pure. */
export function didYouMeanText(query: string, candidates: readonly Feature[]): string {
  return `${didYouMeanLead(query, m, candidates.length)}\n${candidates.map((f) => candidateLine(f, m)).join('\n')}`;
}

/** Nothing is close: say so and suggest the nearest names. Pure. */
export function notFoundText(query: string, suggestions: readonly Feature[], source?: AnswerSource): string {
  return page([
    `${notFoundLead(query, m)} ${notOnPage(source, m)}${suggestions.length > 0 ? `\n${nearestNames(suggestions, m)}` : ''}`,
    'See every feature with osm-feature ask list, or osm-feature ask help.',
  ]);
}

/** Phrasing that was not understood. Pure. */
export function notUnderstoodText(text: string): string {
  const echo = text.trim() ? ` ${m.quote(m.echo(text, 60))}` : '';
  return `Sorry, I didn’t understand${echo}. I answer questions about OSM features, for example:\n• which features are stable?\n• tell me about vault\n• what does beta mean?`;
}
