import {
  type Collector,
  checkElement,
  checkId,
  checkImageElement,
  checkMaxLength,
  checkTextObject,
  type LimitIssue,
  report,
} from './block-kit-elements.js';
import { asArray, isRecord } from './values.js';

export type { LimitError, LimitIssue } from './block-kit-elements.js';

/**
 * Slack enforces these server-side; Bolt and web-api do not.
 * Validating here makes a too-long renderer fail in tests instead of in production.
 */
export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  viewBytes: 250_000,
  messageText: 40_000,
  /** Slack's msg_blocks_too_long can hit around 13k total; stay under 12k to be safe. */
  totalBlockText: 12_000,
} as const;

const CONTEXT_TEXT_TYPES = new Set(['plain_text', 'mrkdwn']);

function checkBlock(c: Collector, block: unknown, p: string): void {
  if (!isRecord(block) || typeof block.type !== 'string') {
    report(c, p, 'must be a block object with a type');
    return;
  }
  checkId(c, block.block_id, `${p}/block_id`);
  switch (block.type) {
    case 'section': {
      if (block.text === undefined && block.fields === undefined)
        report(c, p, 'section needs text or fields');
      if (block.text !== undefined) checkTextObject(c, block.text, `${p}/text`, { max: 3000 });
      if (block.fields !== undefined) {
        const fields = asArray(block.fields);
        if (!fields || fields.length === 0 || fields.length > 10) {
          report(c, `${p}/fields`, 'must be an array of 1..10 text objects');
        }
        fields?.forEach((f, i) => {
          checkTextObject(c, f, `${p}/fields/${i}`, { max: 2000 });
        });
      }
      if (block.accessory !== undefined) checkElement(c, block.accessory, `${p}/accessory`);
      return;
    }
    case 'header':
      checkTextObject(c, block.text, `${p}/text`, { max: 150, plainOnly: true });
      return;
    case 'context': {
      const elements = asArray(block.elements);
      if (!elements || elements.length === 0 || elements.length > 10) {
        report(c, `${p}/elements`, 'must be an array of 1..10 elements');
      }
      elements?.forEach((e, i) => {
        const ep = `${p}/elements/${i}`;
        if (isRecord(e) && e.type === 'image') checkImageElement(c, e, ep);
        else if (isRecord(e) && CONTEXT_TEXT_TYPES.has(String(e.type)))
          checkTextObject(c, e, ep, { max: 3000 });
        else report(c, ep, 'context elements must be text objects or images');
      });
      return;
    }
    case 'actions': {
      const elements = asArray(block.elements);
      if (!elements || elements.length === 0 || elements.length > 25) {
        report(c, `${p}/elements`, 'must be an array of 1..25 elements');
      }
      const seen = new Set<string>();
      elements?.forEach((e, i) => {
        checkElement(c, e, `${p}/elements/${i}`);
        const id = isRecord(e) && typeof e.action_id === 'string' ? e.action_id : undefined;
        if (id !== undefined && seen.has(id))
          report(c, `${p}/elements/${i}/action_id`, `duplicate action_id '${id}'`);
        if (id !== undefined) seen.add(id);
      });
      return;
    }
    case 'image':
      checkImageElement(c, block, p);
      if (block.title !== undefined)
        checkTextObject(c, block.title, `${p}/title`, { max: 2000, plainOnly: true });
      return;
    case 'markdown': {
      const text = block.text;
      if (typeof text !== 'string' || text.length === 0) report(c, `${p}/text`, 'must be a non-empty string');
      else {
        c.textChars += text.length;
        checkMaxLength(c, text, 12_000, `${p}/text`);
      }
      return;
    }
    case 'input':
      checkTextObject(c, block.label, `${p}/label`, { max: 2000, plainOnly: true });
      checkElement(c, block.element, `${p}/element`);
      if (block.hint !== undefined)
        checkTextObject(c, block.hint, `${p}/hint`, { max: 2000, plainOnly: true });
      return;
    case 'divider':
    case 'rich_text':
    case 'file':
    case 'video':
    case 'call':
    case 'table':
    case 'context_actions':
      return;
    default:
      report(c, `${p}/type`, `unknown block type '${block.type}'`);
  }
}

/** Check a blocks array against per-block limits and a maximum count. Adds to the collector. */
export function collectBlockIssues(
  c: Collector,
  blocks: unknown,
  maxBlocks: number,
  pointer = '/blocks',
): void {
  const list = asArray(blocks);
  if (!list) {
    report(c, pointer, 'must be an array of blocks');
    return;
  }
  if (list.length > maxBlocks)
    report(c, pointer, `must have at most ${maxBlocks} blocks (got ${list.length})`);
  const ids = new Set<string>();
  list.forEach((block, i) => {
    checkBlock(c, block, `${pointer}/${i}`);
    const id = isRecord(block) && typeof block.block_id === 'string' ? block.block_id : undefined;
    if (id !== undefined && ids.has(id)) report(c, `${pointer}/${i}/block_id`, `duplicate block_id '${id}'`);
    if (id !== undefined) ids.add(id);
  });
}

export interface MessageLike {
  text?: unknown;
  blocks?: unknown;
  attachments?: unknown;
}

export interface MessageCheckOptions {
  /** Report a missing top-level `text` as 'missing_text' (this project always sends a fallback). Default true. */
  requireText?: boolean;
}

/** Validate a chat message (postMessage, postEphemeral, update, response_url body). */
export function validateMessage(msg: MessageLike, opts: MessageCheckOptions = {}): LimitIssue[] {
  const c: Collector = { issues: [], textChars: 0 };
  const hasText = typeof msg.text === 'string' && msg.text.length > 0;
  if (msg.text !== undefined && typeof msg.text !== 'string')
    report(c, '/text', 'must be a string', 'invalid_arguments');
  if (typeof msg.text === 'string' && msg.text.length > BLOCK_KIT_LIMITS.messageText) {
    report(c, '/text', `must be at most ${BLOCK_KIT_LIMITS.messageText} characters`, 'msg_too_long');
  }
  if (msg.blocks !== undefined) {
    collectBlockIssues(c, msg.blocks, BLOCK_KIT_LIMITS.messageBlocks);
    if (c.textChars > BLOCK_KIT_LIMITS.totalBlockText) {
      report(
        c,
        '/blocks',
        `total block text ${c.textChars} > ${BLOCK_KIT_LIMITS.totalBlockText}`,
        'msg_blocks_too_long',
      );
    }
  }
  if (!hasText && (opts.requireText ?? true)) {
    report(
      c,
      '/text',
      'missing top-level text (the notification and screen-reader fallback)',
      'missing_text',
    );
  }
  return c.issues;
}

/** Validate a Home tab or modal view: ≤100 blocks, ≤250 kB, metadata and title limits. */
export function validateView(view: unknown): LimitIssue[] {
  const c: Collector = { issues: [], textChars: 0 };
  if (!isRecord(view)) {
    report(c, '/view', 'must be a view object', 'invalid_arguments');
    return c.issues;
  }
  if (view.type !== 'home' && view.type !== 'modal')
    report(c, '/view/type', 'must be home or modal', 'invalid_arguments');
  const bytes = Buffer.byteLength(JSON.stringify(view));
  if (bytes > BLOCK_KIT_LIMITS.viewBytes)
    report(c, '/view', `view is ${bytes} bytes (max 250 kB)`, 'view_too_large');
  collectBlockIssues(c, view.blocks, BLOCK_KIT_LIMITS.viewBlocks, '/view/blocks');
  checkMaxLength(c, view.private_metadata, 3000, '/view/private_metadata');
  checkId(c, view.callback_id, '/view/callback_id');
  checkMaxLength(c, view.external_id, 255, '/view/external_id');
  if (view.type === 'modal') {
    checkTextObject(c, view.title, '/view/title', { max: 24, plainOnly: true });
    if (view.submit !== undefined)
      checkTextObject(c, view.submit, '/view/submit', { max: 24, plainOnly: true });
    if (view.close !== undefined) checkTextObject(c, view.close, '/view/close', { max: 24, plainOnly: true });
  }
  return c.issues;
}

/** The errors that make Slack reject a call (missing_text is only our own house rule). */
export function rejectingIssues(issues: LimitIssue[]): LimitIssue[] {
  return issues.filter((i) => i.error !== 'missing_text');
}

/** Throws with every issue listed; for renderer unit tests. */
export function assertWithinSlackLimits(msg: MessageLike, opts?: MessageCheckOptions): void {
  const issues = validateMessage(msg, opts);
  if (issues.length > 0) {
    throw new Error(
      `message breaks Slack limits:\n${issues.map((i) => `  ${i.error}: ${i.message}`).join('\n')}`,
    );
  }
}

/** Throws with every issue listed; for Home tab / modal renderer tests. */
export function assertViewWithinSlackLimits(view: unknown): void {
  const issues = validateView(view);
  if (issues.length > 0) {
    throw new Error(
      `view breaks Slack limits:\n${issues.map((i) => `  ${i.error}: ${i.message}`).join('\n')}`,
    );
  }
}
