import { asArray, asString, isRecord } from '@osm-feature-bot/slack-standin';
import { escapeHtml } from '../shared/html.js';
import { emojiPlain } from './emoji.js';
import { mrkdwnToHtml, type NameLookup, plainTextToHtml } from './mrkdwn-html.js';

/**
 * Block Kit to HTML for the sandbox page, as Slack lays it out: header, section (text, fields, accessory),
 * context, divider, image and actions with buttons and static selects. Interactive elements carry
 * data-action-id / data-block-id / data-value so the page can send block_actions. Anything it cannot
 * render becomes a visible placeholder naming its type: never silently dropped. Pure.
 */
export function blocksToHtml(blocks: readonly unknown[], names: NameLookup = {}): string {
  return blocks.map((block) => blockHtml(block, names)).join('');
}

/** A visible stand-in for a block or element the page does not render. Pure. */
export function placeholderHtml(what: 'block' | 'element', type: string): string {
  const label = escapeHtml(type || 'unknown');
  return `<span class="bk-unsupported" data-type="${label}">[unsupported ${what}: ${label}]</span>`;
}

/** A text object (plain_text or mrkdwn) as HTML; anything else is a placeholder. Pure. */
export function textObjectHtml(value: unknown, names: NameLookup = {}): string {
  if (!isRecord(value)) return placeholderHtml('element', 'text');
  const text = asString(value.text) ?? '';
  if (value.type === 'mrkdwn') return mrkdwnToHtml(text, names);
  if (value.type === 'plain_text') return plainTextToHtml(text, value.emoji !== false);
  return placeholderHtml('element', asString(value.type) ?? 'text');
}

function blockHtml(block: unknown, names: NameLookup): string {
  if (!isRecord(block)) return `<div class="bk-block">${placeholderHtml('block', 'unknown')}</div>`;
  const type = asString(block.type) ?? 'unknown';
  const blockId = asString(block.block_id);
  switch (type) {
    case 'header':
      return `<h3 class="bk-header">${textObjectHtml(block.text, names)}</h3>`;
    case 'divider':
      return '<hr class="bk-divider">';
    case 'section':
      return sectionHtml(block, blockId, names);
    case 'context':
      return `<div class="bk-context">${(asArray(block.elements) ?? [])
        .map((e) => contextElementHtml(e, names))
        .join('')}</div>`;
    case 'actions':
      return `<div class="bk-actions">${(asArray(block.elements) ?? [])
        .map((e) => elementHtml(e, blockId, names))
        .join('')}</div>`;
    case 'image':
      return `<div class="bk-block">${imageHtml(block, 'bk-image')}</div>`;
    default:
      return `<div class="bk-block">${placeholderHtml('block', type)}</div>`;
  }
}

function sectionHtml(block: Record<string, unknown>, blockId: string | undefined, names: NameLookup): string {
  const parts: string[] = [];
  if (block.text !== undefined) parts.push(`<div class="bk-text">${textObjectHtml(block.text, names)}</div>`);
  const fields = asArray(block.fields);
  if (fields && fields.length > 0) {
    const cells = fields.map((f) => `<div class="bk-field">${textObjectHtml(f, names)}</div>`).join('');
    parts.push(`<div class="bk-fields">${cells}</div>`);
  }
  const accessory =
    block.accessory === undefined
      ? ''
      : `<div class="bk-accessory">${elementHtml(block.accessory, blockId, names)}</div>`;
  return `<div class="bk-section"><div class="bk-section-main">${parts.join('')}</div>${accessory}</div>`;
}

function contextElementHtml(element: unknown, names: NameLookup): string {
  if (isRecord(element) && element.type === 'image') return imageHtml(element, 'bk-context-image');
  return `<span class="bk-context-item">${textObjectHtml(element, names)}</span>`;
}

function imageHtml(image: Record<string, unknown>, className: string): string {
  const url = asString(image.image_url) ?? '';
  if (!/^https?:\/\//i.test(url)) return placeholderHtml('element', 'image');
  const alt = escapeHtml(asString(image.alt_text) ?? '');
  return `<img class="${className}" src="${escapeHtml(url)}" alt="${alt}" loading="lazy">`;
}

/** data-* attributes the page turns into a block_actions payload. */
function actionAttributes(
  element: Record<string, unknown>,
  blockId: string | undefined,
  type: string,
): string {
  const attrs = [`data-action-id="${escapeHtml(asString(element.action_id) ?? '')}"`];
  attrs.push(`data-action-type="${escapeHtml(type)}"`);
  if (blockId !== undefined) attrs.push(`data-block-id="${escapeHtml(blockId)}"`);
  const value = asString(element.value);
  if (value !== undefined) attrs.push(`data-value="${escapeHtml(value)}"`);
  return attrs.join(' ');
}

function elementHtml(element: unknown, blockId: string | undefined, names: NameLookup): string {
  if (!isRecord(element)) return placeholderHtml('element', 'unknown');
  const type = asString(element.type) ?? 'unknown';
  if (type === 'button') return buttonHtml(element, blockId, names);
  if (type === 'static_select') return selectHtml(element, blockId);
  if (type === 'image') return imageHtml(element, 'bk-accessory-image');
  return placeholderHtml('element', type);
}

function buttonHtml(
  element: Record<string, unknown>,
  blockId: string | undefined,
  names: NameLookup,
): string {
  const style = element.style === 'primary' || element.style === 'danger' ? ` bk-${element.style}` : '';
  const label = textObjectHtml(element.text, names);
  const attrs = actionAttributes(element, blockId, 'button');
  const url = asString(element.url);
  // A link button opens its URL and still sends block_actions, as in Slack.
  if (url && /^https?:\/\//i.test(url)) {
    return `<a class="bk-button${style}" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer" ${attrs}>${label}</a>`;
  }
  return `<button type="button" class="bk-button${style}" ${attrs}>${label}</button>`;
}

function optionHtml(option: unknown, selected: string | undefined): string {
  if (!isRecord(option)) return '';
  const value = asString(option.value) ?? '';
  const text = isRecord(option.text) ? (asString(option.text.text) ?? value) : value;
  const isSelected = selected !== undefined && selected === value ? ' selected' : '';
  return `<option value="${escapeHtml(value)}"${isSelected}>${escapeHtml(emojiPlain(text))}</option>`;
}

function selectHtml(element: Record<string, unknown>, blockId: string | undefined): string {
  const placeholder = isRecord(element.placeholder) ? (asString(element.placeholder.text) ?? '') : '';
  const initial = isRecord(element.initial_option) ? asString(element.initial_option.value) : undefined;
  const prompt = `<option value="" disabled${initial === undefined ? ' selected' : ''}>${escapeHtml(placeholder || 'Select an item')}</option>`;
  const options = (asArray(element.options) ?? []).map((o) => optionHtml(o, initial)).join('');
  const groups = (asArray(element.option_groups) ?? [])
    .map((g) => {
      if (!isRecord(g)) return '';
      const label = isRecord(g.label) ? (asString(g.label.text) ?? '') : '';
      const inner = (asArray(g.options) ?? []).map((o) => optionHtml(o, initial)).join('');
      return `<optgroup label="${escapeHtml(label)}">${inner}</optgroup>`;
    })
    .join('');
  const aria = escapeHtml(placeholder || 'Select an item');
  return `<select class="bk-select" aria-label="${aria}" ${actionAttributes(element, blockId, 'static_select')}>${prompt}${options}${groups}</select>`;
}
