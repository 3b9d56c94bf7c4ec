import type { Answer } from '../../answer/answer.js';
import { guaranteeLine, guaranteesLead } from '../phrases/guarantees.js';
import { header, LIMITS, lineSections, type SlackMessage, section } from './blocks.js';
import { SLACK_MARKUP as m } from './markup.js';
import { sourceContext } from './source.js';

/** `guarantees`: every feature's guarantee as of the current release, soonest to end first. Pure. */
export function renderGuarantees(answer: Extract<Answer, { kind: 'guarantees' }>): SlackMessage {
  const lead = guaranteesLead(answer.guarantees, answer.release);
  const body = lineSections(answer.guarantees.map((g) => guaranteeLine(g, m)));
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
