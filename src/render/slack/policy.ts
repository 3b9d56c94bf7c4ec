import type { Answer, AnswerSource } from '../../answer/answer.js';
import { STATE_NAMES, type StateName, type StatePolicy } from '../../registry/schema.js';
import { notAStateLead } from '../phrases/answers.js';
import { POLICY_ROWS, policyParagraphs } from '../phrases/policy-rows.js';
import { divider, fields, header, type SlackMessage, section } from './blocks.js';
import { COMMAND } from './ids.js';
import { SLACK_MARKUP as m } from './markup.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { sourceContext } from './source.js';
import { STATE_EMOJI, stateBadge, stateCountParts } from './state-style.js';

/** One state's full promise: definition, stability, support, deprecation policy, documentation. Pure. */
export function renderPolicy(
  state: StateName,
  policy: StatePolicy,
  count: number,
  source: AnswerSource,
): SlackMessage {
  return {
    text: escapeMrkdwn(
      `What ${state} means in OSM: ${policy.definition} Deprecation policy: ${policy.deprecation_policy}`,
    ),
    blocks: [
      header(`${state}: what it promises`),
      section(
        `${stateBadge(state)} · ${count} feature${count === 1 ? '' : 's'} · see them with \`${COMMAND} ${state.toLowerCase()}\``,
      ),
      divider(),
      section(policyParagraphs(policy, m)),
      sourceContext(source),
    ],
  };
}

/** All three states side by side, one row of the page's table at a time. Pure. */
export function renderStates(answer: Extract<Answer, { kind: 'states' }>): SlackMessage {
  const { states } = answer;
  const rows = POLICY_ROWS.flatMap((row) => [
    section(`*${row.label}*`),
    fields(STATE_NAMES.map((s) => `${STATE_EMOJI[s]} *${s}*\n${escapeMrkdwn(states[s][row.key])}`)),
  ]);
  const lead = answer.unknownState ? notAStateLead(answer.unknownState, m) : undefined;
  return {
    text: escapeMrkdwn(
      `OSM feature states: ${STATE_NAMES.map((s) => `${s}: ${states[s].deprecation_policy}`).join(' ')}`,
    ),
    blocks: [
      header('OSM feature states, side by side'),
      ...(lead ? [section(lead)] : []),
      section(stateCountParts(answer.counts, false).join('   ')),
      divider(),
      ...rows,
      sourceContext(answer.source),
    ],
  };
}
