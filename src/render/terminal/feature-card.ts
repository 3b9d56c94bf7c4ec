import type { FeatureCard } from '../../answer/answer.js';
import { cardLines, stateNote } from '../phrases/card.js';
import { policyParagraphs } from '../phrases/policy-rows.js';
import { page, RULE, title } from './layout.js';
import { TERMINAL_MARKUP as m } from './markup.js';
import { sourceLine } from './source.js';

/** The feature card as terminal text. Pure. */
export function featureCardText(card: FeatureCard): string {
  const { feature } = card;
  const note = stateNote(card);
  const lines = cardLines(card, m);
  return page([
    title(m.text(feature.name)),
    `State: ${m.state(feature.state)}${note ? ` (${note})` : ''}\nCategory: ${m.text(card.categoryName)}`,
    feature.summary ? m.text(feature.summary) : undefined,
    lines.length > 0 ? lines.join('\n') : undefined,
    RULE,
    policyParagraphs(card.policy, m),
    sourceLine(card.source, feature.docs ? m.link(feature.docs, 'Docs') : undefined),
  ]);
}
