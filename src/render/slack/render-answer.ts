import type { Answer } from '../../answer/answer.js';
import { oneLineAnswer } from '../phrases/one-line-answers.js';
import type { SlackMessage } from './blocks.js';
import { renderFeatureCard } from './feature-card.js';
import { renderCategories, renderFeatureList } from './feature-list.js';
import { renderGuarantees } from './guarantees.js';
import { renderDidYouMean, renderHelp, renderNotFound, renderNotice, renderNotUnderstood } from './help.js';
import { SLACK_MARKUP as m } from './markup.js';
import { renderPolicy, renderStates } from './policy.js';
import { renderChanges, renderHistory, renderReleases } from './releases.js';
import { renderSettingsResult } from './settings.js';
import { renderSubscriptionResult } from './subscriptions.js';
import { renderAbout, renderAspect, renderCount, renderSeveral, renderVerdict } from './understanding.js';

export interface SlackRenderOptions {
  /**
   * Buttons and filters for the person who asked (default). Off for what is posted for everyone to see (a
   * shared card) and for the CLI's --json.
   */
  interactive?: boolean;
}

const interactiveCache = new WeakMap<Answer, SlackMessage>();

/**
 * An answer as a Slack message: Block Kit plus its `text` fallback. Pure; the interactive rendering of an
 * answer object is memoised, since cached answers are asked for again and again.
 */
export function renderSlackAnswer(answer: Answer, opts: SlackRenderOptions = {}): SlackMessage {
  const interactive = opts.interactive ?? true;
  if (!interactive) return render(answer, false);
  let message = interactiveCache.get(answer);
  if (!message) {
    message = render(answer, true);
    interactiveCache.set(answer, message);
  }
  return message;
}

function render(answer: Answer, interactive: boolean): SlackMessage {
  switch (answer.kind) {
    case 'feature-card':
      return renderFeatureCard(answer.card, { interactive });
    case 'feature-list':
      return renderFeatureList(answer.list, { interactive });
    case 'did-you-mean':
      return renderDidYouMean(answer.query, answer.candidates);
    case 'not-found':
      return renderNotFound(answer.query, answer.suggestions, answer.source);
    case 'verdict':
      return renderVerdict(answer, interactive);
    case 'several':
      return renderSeveral(answer, interactive);
    case 'policy-aspect':
      return renderAspect(answer, interactive);
    case 'count':
      return renderCount(answer);
    case 'about':
      return renderAbout(answer);
    case 'categories':
      return renderCategories(answer.groups, answer.source);
    case 'policy':
      return renderPolicy(answer.state, answer.policy, answer.count, answer.source);
    case 'states':
      return renderStates(answer);
    case 'releases':
      return renderReleases(answer.releases);
    case 'guarantees':
      return renderGuarantees(answer);
    case 'history':
      return renderHistory(answer.feature, answer.source);
    case 'changes':
      return renderChanges(answer);
    case 'help':
      return renderHelp(answer.featureCount, answer.greeting, answer.notEnglish === true);
    case 'not-understood':
      return renderNotUnderstood(answer.text);
    case 'subscription-result':
      return renderSubscriptionResult(answer.result);
    case 'settings-result':
      return renderSettingsResult(answer.result);
    default:
      return renderNotice(oneLineAnswer(answer, m));
  }
}
