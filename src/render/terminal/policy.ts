import type { Answer } from '../../answer/answer.js';
import { STATE_NAMES } from '../../registry/schema.js';
import { notAStateLead } from '../phrases/answers.js';
import { POLICY_ROWS, policyParagraphs } from '../phrases/policy-rows.js';
import { COMMAND } from '../slack/ids.js';
import { page, RULE, title } from './layout.js';
import { TERMINAL_MARKUP as m } from './markup.js';
import { sourceLine } from './source.js';

/** One state's full promise. Pure. */
export function policyText(answer: Extract<Answer, { kind: 'policy' }>): string {
  const { state, count } = answer;
  return page([
    title(`${state}: what it promises`),
    `${m.state(state)} · ${count} feature${count === 1 ? '' : 's'} · see them with ${m.code(`${COMMAND} ${state.toLowerCase()}`)}`,
    RULE,
    policyParagraphs(answer.policy, m),
    sourceLine(answer.source),
  ]);
}

/** The three states side by side, one row of the page's table at a time. Pure. */
export function statesText(answer: Extract<Answer, { kind: 'states' }>): string {
  const rows = POLICY_ROWS.map(
    (row) =>
      `${row.label}\n${STATE_NAMES.map((s) => `${m.state(s)}: ${m.text(answer.states[s][row.key])}`).join('\n')}`,
  );
  return page([
    title('OSM feature states, side by side'),
    answer.unknownState ? notAStateLead(answer.unknownState, m) : undefined,
    STATE_NAMES.map((s) => `${m.state(s)}: ${answer.counts[s]}`).join('   '),
    RULE,
    ...rows,
    sourceLine(answer.source),
  ]);
}
