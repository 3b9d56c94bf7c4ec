import type { AnswerSource } from '../../answer/answer.js';
import { TERMINAL_MARKUP as m } from './markup.js';

/** The line that names where an answer comes from. */
export function sourceLine(source: AnswerSource, extra?: string): string {
  const name = source.url ? m.link(source.url, source.name) : m.text(source.name);
  const release = source.release ? ` · OSM ${source.release}` : '';
  return `Source: ${name}${release}${extra ? ` · ${extra}` : ''}`;
}
