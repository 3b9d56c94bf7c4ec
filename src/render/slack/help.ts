import type { AnswerSource } from '../../answer/answer.js';
import type { Feature } from '../../registry/schema.js';
import { candidateLine, didYouMeanLead, nearestNames, notFoundLead, notOnPage } from '../phrases/answers.js';
import { ENGLISH_ONLY, QUESTION_EXAMPLES } from '../phrases/understanding.js';
import { actions, button, context, header, type SlackMessage, section } from './blocks.js';
import { ACTION_IDS, BLOCK_IDS, COMMAND } from './ids.js';
import { SLACK_MARKUP as m } from './markup.js';
import { escapeMrkdwn, quoteUserText } from './mrkdwn.js';

const EXAMPLES = [
  [`\`${COMMAND} multicluster\``, 'a feature’s state and what it promises'],
  [`\`${COMMAND} stable\``, 'every Stable feature (also `beta`, `alpha`)'],
  [`\`${COMMAND} list\``, 'the whole registry by category'],
  [`\`${COMMAND} category security\``, 'one category'],
  [`\`${COMMAND} policy beta\``, 'what a state promises; `states` compares all three'],
  [
    `\`${COMMAND} multicluster@v1.0\``,
    'a feature as of a release; `releases`, `changes`, `history <feature>`',
  ],
  [
    `\`${COMMAND} subscribe\``,
    'notices in this channel when states change (`subscribe stable daily` / `weekly` for a digest); `subscriptions`, `unsubscribe`',
  ],
  [
    `\`${COMMAND} deliveries\``,
    'this channel’s last 10 notices and how each went; `settings` shows who may subscribe, `settings format compact` one line per change',
  ],
  [
    `\`${COMMAND} mute 7d\``,
    'no notices for a while (`2h`, `until 2027-01-15`), then one catch-up; `unmute`',
  ],
] as const;

/** Usage with examples; `greeting` answers a hello, `notEnglish` a question in another language. Pure. */
export function renderHelp(featuresKnown: number, greeting = false, notEnglish = false): SlackMessage {
  const lead = notEnglish ? ENGLISH_ONLY : greeting ? `Hi! ${m.emoji('wave')}` : undefined;
  const lines = EXAMPLES.map(([cmd, what]) => `${cmd} — ${what}`);
  return {
    text: `${lead ? `${lead} ` : ''}Ask me about OSM features: ${COMMAND} <feature>, stable, beta, alpha, list, category <name>, policy <state>, states, subscribe, help.`,
    blocks: [
      header('OSM feature lifecycle bot'),
      ...(lead ? [section(lead)] : []),
      section(
        `I tell you where every Open Service Mesh feature stands: Alpha, Beta or Stable, and what that promises.\n\n${lines.join('\n')}`,
      ),
      section(
        `You can also mention me or DM me in plain English:\n${QUESTION_EXAMPLES.map((q) => `• _${q}_`).join('\n')}`,
      ),
      context(`${featuresKnown} features known · answers in English`),
    ],
  };
}

/** Several features are about equally close: a short "did you mean" list, with a button for each. Pure. */
export function renderDidYouMean(query: string, candidates: readonly Feature[]): SlackMessage {
  const list = candidates.map((f) => candidateLine(f, m)).join('\n');
  return {
    text: escapeMrkdwn(`Did you mean: ${candidates.map((f) => f.name).join(', ')}?`),
    blocks: [section(`${didYouMeanLead(query, m, candidates.length)}\n${list}`), pickButtons(candidates)],
  };
}

/** One button per candidate; the value is the feature id, so a click on an old message still finds it. */
function pickButtons(candidates: readonly Feature[]) {
  return actions(
    BLOCK_IDS.didYouMean,
    candidates.slice(0, 5).map((f, i) => button(f.name, `${ACTION_IDS.pickFeature}:${i}`, f.id)),
  );
}

/** Nothing is close: say so, suggest the nearest names and how to list everything. Pure. */
export function renderNotFound(
  query: string,
  suggestions: readonly Feature[],
  source?: AnswerSource,
): SlackMessage {
  const nearest = suggestions.length > 0 ? `\n${nearestNames(suggestions, m)}` : '';
  return {
    text: `I don't know an OSM feature called "${quoteUserText(query)}".`,
    blocks: [
      section(`${notFoundLead(query, m)} ${notOnPage(source, m)}${nearest}`),
      ...(suggestions.length > 0 ? [pickButtons(suggestions)] : []),
      context(`See every feature with \`${COMMAND} list\`, or type \`${COMMAND} help\`.`),
    ],
  };
}

/** Phrasing that was not understood: a short, helpful answer, never silence. Pure. */
export function renderNotUnderstood(text: string): SlackMessage {
  const echo = text.trim() ? ` “${quoteUserText(text, 60)}”` : '';
  return {
    text: `Sorry, I didn't understand${echo}. Try "which features are stable?" or ${COMMAND} help.`,
    blocks: [
      section(
        `Sorry, I didn’t understand${echo}. I answer questions about OSM features, for example:\n• _which features are stable?_\n• _tell me about vault_\n• _what does beta mean?_`,
      ),
      context(`Type \`${COMMAND} help\` for everything I can do.`),
    ],
  };
}

/** A plain line of text as a message. */
export function renderNotice(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}
