import type { AnswerSource } from '../../answer/answer.js';
import { context } from './blocks.js';
import { escapeMrkdwn, link } from './mrkdwn.js';

/** The context line that names where an answer comes from. */
export function sourceContext(source: AnswerSource, extra?: string) {
  const name = source.url ? link(source.url, source.name) : escapeMrkdwn(source.name);
  const release = source.release ? ` · OSM ${source.release}` : '';
  return context(`Source: ${name}${release}${extra ? ` · ${extra}` : ''}`);
}
