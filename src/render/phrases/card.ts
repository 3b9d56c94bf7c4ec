import type { FeatureCard } from '../../answer/answer.js';
import type { Markup } from '../markup.js';
import { guaranteeText } from './guarantee.js';

/** "Alpha since v1.1", "as of v1.0; Alpha since v1.0" or "as of v1.0"; undefined when nothing is known. */
export function stateNote(card: FeatureCard): string | undefined {
  const { feature, asOf, since } = card;
  if (asOf)
    return asOf.since
      ? `as of ${asOf.release}; ${feature.state} since ${asOf.since}`
      : `as of ${asOf.release}`;
  return since ? `${feature.state} since ${since}` : undefined;
}

/** The lines under a card's summary: the guarantee (today's cards), then notes from OSM's code. Pure. */
export function cardLines(card: FeatureCard, m: Markup): string[] {
  const notes = card.notes.map(
    (n) => `${m.emoji('memo')} ${n.release ? `${m.bold(n.release)}: ` : ''}${m.text(n.text)}`,
  );
  if (!card.guarantee) return notes;
  return [`${m.emoji('shield')} ${m.text(guaranteeText(card.guarantee))}`, ...notes];
}
