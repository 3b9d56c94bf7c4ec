import type { Answer } from '../../answer/answer.js';
import type { Markup } from '../markup.js';
import { COMMAND } from '../slack/ids.js';
import {
  categoryNotFound,
  featureGone,
  firstRelease,
  NO_RELEASES_FOR_CHANGES,
  noHistory,
  notYet,
  shared,
  staleFilter,
  THANKS,
  unknownRelease,
  unknownStateButton,
} from './answers.js';

/** The answers that are one line of text on every surface. */
export type OneLineAnswer = Exclude<
  Answer,
  {
    kind:
      | 'feature-card'
      | 'feature-list'
      | 'did-you-mean'
      | 'not-found'
      | 'verdict'
      | 'several'
      | 'policy-aspect'
      | 'count'
      | 'about'
      | 'categories'
      | 'policy'
      | 'states'
      | 'releases'
      | 'history'
      | 'changes'
      | 'help'
      | 'not-understood'
      | 'subscription-result'
      | 'settings-result'
      | 'guarantees';
  }
>;

/** A one-line answer, marked up for a surface. Pure. */
export function oneLineAnswer(answer: OneLineAnswer, m: Markup): string {
  switch (answer.kind) {
    case 'feature-not-yet':
      return notYet(answer.feature, answer.release, answer.firstRelease, m);
    case 'feature-no-history':
      return noHistory(answer.feature, answer.release, m);
    case 'category-not-found':
      return categoryNotFound(answer.query, answer.ambiguous, answer.categories, m);
    case 'no-releases':
      return NO_RELEASES_FOR_CHANGES;
    case 'first-release':
      return firstRelease(answer.release);
    case 'unknown-release':
      return unknownRelease(answer.release, answer.known, m);
    case 'thanks':
      return THANKS;
    case 'feature-gone':
      return featureGone(answer.id, COMMAND, m);
    case 'shared':
      return shared(answer.featureName, m);
    case 'stale-filter':
      return staleFilter(answer.reason, COMMAND, m);
    case 'unknown-state-button':
      return unknownStateButton(COMMAND, m);
  }
}
