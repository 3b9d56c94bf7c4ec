import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
} from '@slack/types';
import { truncate } from './mrkdwn.js';

/** What every renderer returns: Block Kit plus the `text` fallback used by notifications and screen readers. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Slack's Block Kit limits (https://api.slack.com/reference/block-kit/blocks and the per-element pages). */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  contextElements: 10,
  buttonText: 75,
  optionText: 75,
  messageText: 40_000,
  /** Slack rejects messages whose blocks hold much more text than this in total (msg_blocks_too_long). */
  totalBlockText: 11_000,
} as const;

export function plain(text: string, max: number = LIMITS.sectionText): PlainTextElement {
  return { type: 'plain_text', text: truncate(text || ' ', max), emoji: true };
}

export function mrkdwn(text: string, max: number = LIMITS.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text || ' ', max), verbatim: true };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, LIMITS.headerText) };
}

export function section(text: string, extra: Partial<SectionBlock> = {}): SectionBlock {
  return { type: 'section', text: mrkdwn(text), ...extra };
}

export function fields(items: string[]): SectionBlock {
  return { type: 'section', fields: items.slice(0, LIMITS.fields).map((i) => mrkdwn(i, LIMITS.fieldText)) };
}

export function context(...items: string[]): ContextBlock {
  return { type: 'context', elements: items.slice(0, LIMITS.contextElements).map((i) => mrkdwn(i)) };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: plain(text, LIMITS.buttonText),
    action_id: actionId,
    value: truncate(value, 2000),
    ...(style ? { style } : {}),
  };
}

export function actions(blockId: string, elements: ActionsBlock['elements']): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements: elements.slice(0, 25) };
}

/** Splits lines into section-sized chunks so that no section text passes Slack's limit. */
export function chunkLines(lines: string[], max: number = LIMITS.sectionText): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const piece = truncate(line, max);
    if (current && current.length + 1 + piece.length > max) {
      chunks.push(current);
      current = piece;
    } else {
      current = current ? `${current}\n${piece}` : piece;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Lines grouped into as few sections as stay under Slack's section text limit each. */
export function lineSections(lines: readonly string[]): SectionBlock[] {
  const blocks: SectionBlock[] = [];
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
