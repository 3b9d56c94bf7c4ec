import type { KnownBlock } from '@slack/types';
import type { Answer } from '../../answer/answer.js';
import { guaranteeLine, guaranteesLead } from '../phrases/guarantees.js';
import { header, LIMITS, type SlackMessage, section } from './blocks.js';
import { SLACK_MARKUP as m } from './markup.js';
import { sourceContext } from './source.js';

/** Lines grouped into sections that each stay under Slack's section text limit. */
function sections(lines: readonly string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let chunk = '';
  for (const line of lines) {
    if (chunk && chunk.length + line.length + 1 > LIMITS.sectionText - 100) {
      blocks.push(section(chunk));
      chunk = '';
    }
    chunk = chunk ? `${chunk}\n${line}` : line;
  }
  if (chunk) blocks.push(section(chunk));
  return blocks;
}

/** `guarantees`: every feature's guarantee as of the current release, soonest to end first. Pure. */
export function renderGuarantees(answer: Extract<Answer, { kind: 'guarantees' }>): SlackMessage {
  const lead = guaranteesLead(answer.guarantees, answer.release);
  const body = sections(answer.guarantees.map((g) => guaranteeLine(g, m)));
  const room = LIMITS.blocksPerMessage - 3;
  return {
    text: lead,
    blocks: [
      header(answer.release ? `Guarantees as of ${answer.release}` : 'Guarantees'),
      section(lead),
      ...body.slice(0, room - 1),
      sourceContext(answer.source),
    ],
  };
}
