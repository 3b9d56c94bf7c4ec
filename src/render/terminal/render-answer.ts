import type { Answer } from '../../answer/answer.js';
import { guaranteeLine, guaranteesLead } from '../phrases/guarantees.js';
import { oneLineAnswer } from '../phrases/one-line-answers.js';
import { COMMAND } from '../slack/ids.js';
import { featureCardText } from './feature-card.js';
import { didYouMeanText, helpText, notFoundText, notUnderstoodText } from './help.js';
import { page, title } from './layout.js';
import { categoriesText, featureListText } from './lists.js';
import { TERMINAL_MARKUP as m } from './markup.js';
import { policyText, statesText } from './policy.js';
import { changesText, historyText, releasesText } from './releases.js';
import { sourceLine } from './source.js';
import { aboutText, aspectText, countText, severalText, verdictText } from './understanding.js';

/** An answer as terminal text, for the CLI: no Slack markup ever reaches it. Pure. */
export function renderTerminalAnswer(answer: Answer): string {
  switch (answer.kind) {
    case 'feature-card':
      return featureCardText(answer.card);
    case 'feature-list':
      return featureListText(answer.list);
    case 'did-you-mean':
      return didYouMeanText(answer.query, answer.candidates);
    case 'not-found':
      return notFoundText(answer.query, answer.suggestions, answer.source);
    case 'verdict':
      return verdictText(answer);
    case 'several':
      return severalText(answer);
    case 'policy-aspect':
      return aspectText(answer);
    case 'count':
      return countText(answer);
    case 'about':
      return aboutText(answer);
    case 'categories':
      return categoriesText(answer);
    case 'policy':
      return policyText(answer);
    case 'states':
      return statesText(answer);
    case 'releases':
      return releasesText(answer);
    case 'guarantees':
      return page([
        title(answer.release ? `Guarantees as of ${answer.release}` : 'Guarantees'),
        guaranteesLead(answer.guarantees, answer.release),
        answer.guarantees.map((g) => guaranteeLine(g, m)).join('\n'),
        sourceLine(answer.source),
      ]);
    case 'history':
      return historyText(answer.feature, answer.source);
    case 'changes':
      return changesText(answer);
    case 'help':
      return helpText(answer.featureCount, answer.greeting, answer.notEnglish === true);
    case 'not-understood':
      return notUnderstoodText(answer.text);
    case 'subscription-result':
      return `Subscriptions only work in Slack: type ${COMMAND} subscribe in a channel.`;
    case 'settings-result':
      return `Settings and delivery logs only work in Slack: type ${COMMAND} settings or ${COMMAND} deliveries in a channel.`;
    default:
      return oneLineAnswer(answer, m);
  }
}
