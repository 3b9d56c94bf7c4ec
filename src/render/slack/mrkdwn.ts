import { INVISIBLE_CHARS } from '../../intents/text.js';

/**
 * Makes any text safe inside a Slack mrkdwn or plain_text object. Slack's own escaping is decoded first and
 * then `&`, `<` and `>` are escaped again, in that order: idempotent, and a typed or delivered `<!channel>`,
 * `<@U123>` or `<https://evil|click>` can never become a mention or a link. Pure.
 */
export function escapeMrkdwn(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** Echoes user text inside an answer: escaped, stripped of control characters, and shortened. */
export function quoteUserText(text: string, max = 80): string {
  const cleaned = text.replace(INVISIBLE_CHARS, '').trim();
  const short = cleaned.length > max ? `${[...cleaned].slice(0, max - 1).join('')}…` : cleaned;
  // Backticks would end the code span we put the text in; an @ next to a word is harmless without link_names.
  return escapeMrkdwn(short.replaceAll('`', "'"));
}

/** A link in mrkdwn; the label is escaped, and `|` and `>` in the URL are not allowed to break out of it. */
export function link(url: string, label: string): string {
  const safeUrl = url.replace(/[<>|\s]/g, encodeURIComponent);
  return `<${safeUrl}|${escapeMrkdwn(label).replaceAll('|', '¦')}>`;
}

/** Cuts text to a limit on a code-point boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = [...text];
  let out = '';
  for (const p of points) {
    if (out.length + p.length > max - 1) break;
    out += p;
  }
  return `${out}…`;
}

/** A time Slack renders in the reader's own time zone (a date, or a date and time), with an ISO fallback. */
export function slackDate(ms: number, withTime = false): string {
  const iso = new Date(ms).toISOString();
  const format = withTime ? '{date_short_pretty} {time}' : '{date_short_pretty}';
  const fallback = withTime ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : iso.slice(0, 10);
  return `<!date^${Math.floor(ms / 1000)}^${format}|${fallback}>`;
}
