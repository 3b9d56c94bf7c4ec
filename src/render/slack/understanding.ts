import type { KnownBlock } from '@slack/types';
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
import {
  actions,
  button,
  chunkLines,
  context,
  header,
  LIMITS,
  type SlackMessage,
  section,
} from './blocks.js';
import { renderFeatureCard } from './feature-card.js';
import { ACTION_IDS, BLOCK_IDS, COMMAND } from './ids.js';
import { SLACK_MARKUP as m } from './markup.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { sourceContext } from './source.js';
import { stateBadge } from './state-style.js';

/** A yes/no answer: the answer in the first line, then the feature's card as the evidence. Pure. */
export function renderVerdict(
  answer: Extract<Answer, { kind: 'verdict' }>,
  interactive: boolean,
): SlackMessage {
  const { feature } = answer.card;
  const lead = verdictLine(feature.name, feature.state, answer.verdict, m);
  const card = renderFeatureCard(answer.card, { interactive });
  return {
    text: escapeMrkdwn(`${verdictLine(feature.name, feature.state, answer.verdict, PLAIN)} ${card.text}`),
    blocks: [section(lead), ...card.blocks].slice(0, LIMITS.blocksPerMessage),
  };
}

/** Plain words for the `text` fallback (escaped once, as a whole). */
const PLAIN = { ...m, bold: (s: string) => s, text: (s: string) => s, state: (s: string) => s };

/** Several features in one message: a short entry each, with a button for each full card. Pure. */
export function renderSeveral(
  answer: Extract<Answer, { kind: 'several' }>,
  interactive: boolean,
): SlackMessage {
  const blocks: KnownBlock[] = [];
  if (answer.ask) blocks.push(section(m.bold(escapeMrkdwn(askLabel(answer.ask)))));
  for (const { card, verdict } of answer.entries) {
    const { feature } = card;
    const note = stateNote(card);
    const first = verdict
      ? verdictLine(feature.name, feature.state, verdict, m)
      : `${m.bold(m.text(feature.name))} — ${stateBadge(feature.state)}${note ? ` (${escapeMrkdwn(note)})` : ''}`;
    const lines = [
      first,
      `${m.text(card.categoryName)}${feature.summary ? ` · ${m.text(feature.summary)}` : ''}`,
    ];
    lines.push(`Deprecation policy: ${m.text(card.policy.deprecation_policy)}`);
    blocks.push(section(lines.join('\n')));
  }
  if (interactive) {
    blocks.push(
      actions(
        BLOCK_IDS.didYouMean,
        answer.entries.map(({ card }, i) =>
          button(`${card.feature.name} card`, `${ACTION_IDS.pickFeature}:${i}`, card.feature.id),
        ),
      ),
    );
  }
  blocks.push(sourceContext(answer.source));
  const text = answer.entries
    .map(({ card, verdict }) =>
      verdict
        ? verdictLine(card.feature.name, card.feature.state, verdict, PLAIN)
        : `${card.feature.name}: ${card.feature.state}.`,
    )
    .join(' ');
  return { text: escapeMrkdwn(text), blocks: blocks.slice(0, LIMITS.blocksPerMessage) };
}

/** One promise of one state, of a feature's state, or of every state; the whole promise one click away. Pure. */
export function renderAspect(
  answer: Extract<Answer, { kind: 'policy-aspect' }>,
  interactive: boolean,
): SlackMessage {
  const label = aspectLabel(answer.aspect);
  const rows = answer.states.map(
    (s) => `${stateBadge(s)} — ${m.bold(label)}\n${escapeMrkdwn(answer.policies[s][answer.aspect])}`,
  );
  const blocks: KnownBlock[] = [header(aspectTitle(answer))];
  if (answer.feature)
    blocks.push(
      section(
        `${m.bold(m.text(answer.feature.name))} is ${stateBadge(answer.feature.state)}. What that state promises:`,
      ),
    );
  for (const chunk of chunkLines(rows.map((r) => `${r}\n`))) blocks.push(section(chunk));
  if (interactive) {
    blocks.push(
      actions(
        BLOCK_IDS.cardActions,
        answer.states.map((s) => button(`Everything ${s} promises`, ACTION_IDS.showPolicy, s)),
      ),
    );
  } else {
    const first = answer.states[0]?.toLowerCase() ?? 'beta';
    blocks.push(context(`Everything a state promises: \`${COMMAND} policy ${first}\``));
  }
  blocks.push(sourceContext(answer.source));
  const text = answer.states.map((s) => `${s} ${label.toLowerCase()}: ${answer.policies[s][answer.aspect]}`);
  return {
    text: escapeMrkdwn(
      `${answer.feature ? `${answer.feature.name} is ${answer.feature.state}. ` : ''}${text.join(' ')}`,
    ),
    blocks,
  };
}

/** How many features a list holds, and which. Pure. */
export function renderCount(answer: Extract<Answer, { kind: 'count' }>): SlackMessage {
  const { list } = answer;
  const names = list.features.map((f) => `• ${m.text(f.name)} — ${stateBadge(f.state)}`);
  const blocks: KnownBlock[] = [section(countLine(list, m))];
  for (const chunk of chunkLines(names).slice(0, 3)) blocks.push(section(chunk));
  blocks.push(sourceContext(list.source));
  return { text: escapeMrkdwn(countLine(list, PLAIN)), blocks };
}

/** Which release the data describes, or where it comes from. Pure. */
export function renderAbout(answer: Extract<Answer, { kind: 'about' }>): SlackMessage {
  const lines = aboutLines(answer, m);
  return {
    text: escapeMrkdwn(aboutLines(answer, PLAIN).join(' ')),
    blocks: [section(lines.join('\n')), context(`See the releases with \`${COMMAND} releases\`.`)],
  };
}
