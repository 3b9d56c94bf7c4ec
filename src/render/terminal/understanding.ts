import type { Answer } from '../../answer/answer.js';
import { stateNote } from '../phrases/card.js';
import {
  aboutLines,
  askLabel,
  aspectLabel,
  aspectTitle,
  countLine,
  verdictLine,
} from '../phrases/understanding.js';
import { COMMAND } from '../slack/ids.js';
import { featureCardText } from './feature-card.js';
import { page, title } from './layout.js';
import { TERMINAL_MARKUP as m } from './markup.js';
import { sourceLine } from './source.js';

/** A yes/no answer, then the card. Pure. */
export function verdictText(answer: Extract<Answer, { kind: 'verdict' }>): string {
  const { feature } = answer.card;
  return page([verdictLine(feature.name, feature.state, answer.verdict, m), featureCardText(answer.card)]);
}

/** Several features, a short entry each. Pure. */
export function severalText(answer: Extract<Answer, { kind: 'several' }>): string {
  const entries = answer.entries.map(({ card, verdict }) => {
    const { feature } = card;
    const note = stateNote(card);
    const first = verdict
      ? verdictLine(feature.name, feature.state, verdict, m)
      : `${m.bold(m.text(feature.name))} — ${m.state(feature.state)}${note ? ` (${note})` : ''}`;
    return `${first}\n${m.text(card.categoryName)}${feature.summary ? ` · ${m.text(feature.summary)}` : ''}\nDeprecation policy: ${m.text(card.policy.deprecation_policy)}`;
  });
  return page([answer.ask ? askLabel(answer.ask) : undefined, ...entries, sourceLine(answer.source)]);
}

/** One promise, state by state. Pure. */
export function aspectText(answer: Extract<Answer, { kind: 'policy-aspect' }>): string {
  const label = aspectLabel(answer.aspect);
  return page([
    title(m.text(aspectTitle(answer))),
    answer.feature
      ? `${m.text(answer.feature.name)} is ${m.state(answer.feature.state)}. What that state promises:`
      : undefined,
    ...answer.states.map((s) => `${m.state(s)} — ${label}\n${m.text(answer.policies[s][answer.aspect])}`),
    `Everything a state promises: ${m.code(`${COMMAND} policy ${(answer.states[0] ?? 'Beta').toLowerCase()}`)}`,
    sourceLine(answer.source),
  ]);
}

/** A count, and what it counts. Pure. */
export function countText(answer: Extract<Answer, { kind: 'count' }>): string {
  const { list } = answer;
  return page([
    countLine(list, m),
    list.features.map((f) => `• ${m.text(f.name)} — ${m.state(f.state)}`).join('\n') || undefined,
    sourceLine(list.source),
  ]);
}

/** Which release, or what source. Pure. */
export function aboutText(answer: Extract<Answer, { kind: 'about' }>): string {
  return aboutLines(answer, m).join('\n');
}
