import { escapeHtml } from '../shared/html.js';
import { emojiHtml } from './emoji.js';

/** How mention tokens are named on the page; unknown ids are shown as the id itself. */
export interface NameLookup {
  userName?: (id: string) => string | undefined;
  channelName?: (id: string) => string | undefined;
}

// Private-use characters hold already-rendered HTML out of the way of escaping and formatting.
const HOLD_OPEN = '\uE000';
const HOLD_CLOSE = '\uE001';
const HOLD_PATTERN = /\uE000(\d+)\uE001/g;

/** Slack's three entities, decoded exactly once in one pass (`&amp;lt;` stays the text `&lt;`). Pure. */
export function unescapeSlack(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_m, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

/** A plain_text object: literal text, with emoji shortcodes when `emoji` is not false. Pure. */
export function plainTextToHtml(text: string, emoji = true): string {
  const html = escapeHtml(text);
  return emoji ? emojiHtml(html) : html;
}

/**
 * Slack mrkdwn to safe HTML. Special `<…>` tokens are parsed from the raw text first (only http(s) links
 * become hrefs; mentions become inert pills; anything else is shown as typed), then the rest is decoded
 * once and HTML-escaped before any formatting is applied, so no input can produce markup of its own.
 * Handles *bold*, _italic_, ~strike~, `code`, ```pre```, `>` quotes, "• " lists and emoji shortcodes. Pure.
 */
export function mrkdwnToHtml(text: string, names: NameLookup = {}): string {
  const held: string[] = [];
  const hold = (html: string): string => `${HOLD_OPEN}${held.push(html) - 1}${HOLD_CLOSE}`;
  let s = text.replace(/[\uE000\uE001]/g, '');
  s = s.replace(/```([\s\S]*?)```/g, (_m, body: string) =>
    hold(`<pre class="mk-pre">${codeHtml(body.replace(/^\n/, ''), names)}</pre>`),
  );
  s = s.replace(/`([^`\n]+)`/g, (_m, body: string) =>
    hold(`<code class="mk-code">${codeHtml(body, names)}</code>`),
  );
  s = s.replace(/<([^<>\n]*)>/g, (whole, inner: string) => hold(tokenHtml(whole, inner, names)));
  return renderLines(s).replace(HOLD_PATTERN, (_m, i: string) => held[Number(i)] ?? '');
}

/** Code keeps its characters: tokens show their label, nothing is formatted. */
function codeHtml(body: string, names: NameLookup): string {
  const plain = body.replace(/<([^<>\n]*)>/g, (whole, inner: string) => tokenText(whole, inner, names));
  return escapeHtml(unescapeSlack(plain));
}

type Token =
  | { kind: 'user' | 'channel' | 'broadcast' | 'group'; label: string }
  | { kind: 'link'; href: string | undefined; label: string }
  | { kind: 'literal'; label: string };

function parseToken(whole: string, inner: string, names: NameLookup): Token {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : unescapeSlack(inner.slice(bar + 1));
  if (/^@[UW][A-Z0-9]+$/.test(target)) {
    const id = target.slice(1);
    return { kind: 'user', label: `@${names.userName?.(id) ?? label ?? id}` };
  }
  if (/^#[CGD][A-Z0-9]+$/.test(target)) {
    const id = target.slice(1);
    return { kind: 'channel', label: `#${names.channelName?.(id) ?? label ?? id}` };
  }
  if (/^!(here|channel|everyone)$/.test(target)) return { kind: 'broadcast', label: `@${target.slice(1)}` };
  if (target.startsWith('!subteam^')) return { kind: 'group', label: label ?? '@group' };
  if (target.startsWith('!date^')) return { kind: 'literal', label: label ?? target };
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    const url = unescapeSlack(target);
    return { kind: 'link', href: /^https?:\/\//i.test(url) ? url : undefined, label: label ?? url };
  }
  return { kind: 'literal', label: unescapeSlack(whole) };
}

function tokenHtml(whole: string, inner: string, names: NameLookup): string {
  const token = parseToken(whole, inner, names);
  const label = escapeHtml(token.label);
  switch (token.kind) {
    case 'link':
      return token.href
        ? `<a class="mk-link" href="${escapeHtml(token.href)}" target="_blank" rel="noopener noreferrer">${label}</a>`
        : `<span class="mk-link-inert" title="not an http(s) link">${label}</span>`;
    case 'literal':
      return label;
    default:
      return `<span class="mk-mention mk-${token.kind}">${label}</span>`;
  }
}

function tokenText(whole: string, inner: string, names: NameLookup): string {
  // Re-escape so the later unescape step decodes the label exactly once.
  return parseToken(whole, inner, names)
    .label.replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

type Line = { kind: 'text' | 'item' | 'quote'; html: string };

/** Lines grouped into plain runs, "• " lists and `>` quotes. */
function renderLines(s: string): string {
  const lines: Line[] = s.split('\n').map((raw) => {
    const quote = /^(?:>|&gt;) ?(.*)$/.exec(raw);
    if (quote) return { kind: 'quote', html: inline(quote[1] ?? '') };
    const item = /^\s*[•◦▪] (.*)$/.exec(raw);
    if (item) return { kind: 'item', html: inline(item[1] ?? '') };
    return { kind: 'text', html: inline(raw) };
  });
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const kind = lines[i]?.kind;
    const run: string[] = [];
    while (i < lines.length && lines[i]?.kind === kind) run.push(lines[i++]?.html ?? '');
    if (kind === 'item') out.push(`<ul class="mk-list">${run.map((h) => `<li>${h}</li>`).join('')}</ul>`);
    else if (kind === 'quote') out.push(`<blockquote class="mk-quote">${run.join('<br>')}</blockquote>`);
    else out.push(run.join('<br>'));
  }
  return out.join('');
}

// A marker opens after a non-word character and closes before one, hugging non-space text: Slack's rule,
// which leaves snake_case, 2*3*4 and file~name alone.
const PATTERNS: readonly [RegExp, string][] = [
  [/(^|[^\p{L}\p{N}*])\*([^\s*](?:[^*\n]*?[^\s*])?)\*(?![\p{L}\p{N}*])/gu, 'strong'],
  [/(^|[^\p{L}\p{N}_])_([^\s_](?:[^_\n]*?[^\s_])?)_(?![\p{L}\p{N}_])/gu, 'em'],
  [/(^|[^\p{L}\p{N}~])~([^\s~](?:[^~\n]*?[^\s~])?)~(?![\p{L}\p{N}~])/gu, 's'],
];

/** One line: decode once, escape, then bold/italic/strike and emoji. */
function inline(raw: string): string {
  let html = escapeHtml(unescapeSlack(raw));
  for (const [pattern, tag] of PATTERNS) {
    html = html.replace(pattern, (_m, before: string, body: string) => `${before}<${tag}>${body}</${tag}>`);
  }
  return emojiHtml(html);
}
