import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from './blocks.js';

/** The emoji our renderers use, as the terminal shows them. Unknown shortcodes are left as typed. */
const EMOJI: Readonly<Record<string, string>> = {
  test_tube: '🧪',
  large_blue_diamond: '🔷',
  white_check_mark: '✅',
  shield: '🛡️',
  memo: '📝',
  wave: '👋',
  warning: '⚠️',
  bell: '🔔',
  no_bell: '🔕',
  arrow_up: '⬆️',
  arrow_down: '⬇️',
  new: '🆕',
  x: '❌',
  wastebasket: '🗑️',
  pencil2: '✏️',
  information_source: 'ℹ️',
};

const RULE = '─'.repeat(40);
// A *span* counts as emphasis only when its markers touch a word on the inside and not on the outside, as in
// Slack: "a*b*c" and "enable_x_y" stay as they are.
const EMPHASIS = ['\\*', '_', '~'].map(
  (m) => new RegExp(`(^|[^\\p{L}\\p{N}${m}])${m}(?=\\S)([^${m}\\n]*?\\S)${m}(?![\\p{L}\\p{N}${m}])`, 'gu'),
);

function unescapeEntities(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** One `<...>` token: a link, a mention or a special command. */
function angleToken(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : '';
  if (target.startsWith('@') || target.startsWith('#')) return label ? `${target[0]}${label}` : target;
  if (target.startsWith('!')) return label || `@${target.slice(1).split('^')[0]}`;
  if (!label || label === target) return target;
  return `${label} (${target})`;
}

/**
 * Slack mrkdwn as plain terminal text: links `<url|label>` → "label (url)", *bold*, _italic_ and ~strike~
 * markers removed, quotes indented, emoji shortcodes shown as emoji, and Slack's three entities decoded.
 * Code spans are kept as typed. Pure.
 */
export function mrkdwnToText(text: string): string {
  // A quoted line (">text") is indented instead: a terminal has no quote bar.
  const parts = text.replace(/^>[ ]?/gm, '  ').split(/(<[^<>\n]*>|`[^`\n]*`)/g);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return unescapeEntities(part.startsWith('<') ? angleToken(part.slice(1, -1)) : part);
      let out = part;
      for (const re of EMPHASIS) out = out.replace(re, '$1$2');
      out = out.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);
      return unescapeEntities(out);
    })
    .join('');
}

function textOf(element: { type: string; text?: string } | undefined): string {
  if (!element?.text) return '';
  return element.type === 'mrkdwn' ? mrkdwnToText(element.text) : unescapeEntities(element.text);
}

/** "*State*\n✅ Stable" reads best on one line in a terminal: "State: ✅ Stable". */
function fieldText(text: string): string {
  const lines = text.split('\n');
  return lines.length === 2 && lines[0] && lines[1] ? `${lines[0]}: ${lines[1]}` : text;
}

function blockText(block: KnownBlock): string | undefined {
  switch (block.type) {
    case 'header': {
      const title = textOf(block.text);
      return `${title}\n${'='.repeat([...title].length)}`;
    }
    case 'section': {
      const parts = [textOf(block.text), ...(block.fields ?? []).map((f) => fieldText(textOf(f)))];
      return parts.filter(Boolean).join('\n');
    }
    case 'context':
      return block.elements
        .map((e) => ('text' in e && typeof e.text === 'string' ? textOf({ type: e.type, text: e.text }) : ''))
        .filter(Boolean)
        .join('  ');
    case 'divider':
      return RULE;
    default:
      // Buttons, menus and images do nothing in a terminal; the sections around them carry the content.
      return undefined;
  }
}

/**
 * A rendered Slack message as readable terminal text: the header underlined, sections and fields as lines,
 * context lines, dividers as rules. Falls back to `text` when there are no blocks. Pure.
 */
export function renderPlainText(message: SlackMessage): string {
  if (message.blocks.length === 0) return mrkdwnToText(message.text);
  return message.blocks
    .map(blockText)
    .filter((t): t is string => t !== undefined && t !== '')
    .join('\n\n');
}
