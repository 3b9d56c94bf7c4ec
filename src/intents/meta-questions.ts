import type { AboutTopic } from './intent.js';

const ABOUT_YOU = new Set(['you', 'your', 'this', 'data', 'bot', 'describe', 'describes', 'cover', 'covers']);
const SOURCE_NOUNS = new Set(['information', 'info', 'data', 'facts', 'answers']);

/**
 * Questions about the bot itself: which release its data describes ("what release are you on?", "is your data
 * up to date?") and where the data comes from ("where does this data come from?", "what is your source?").
 * Pure.
 */
export function aboutTopic(words: readonly string[]): AboutTopic | undefined {
  const has = (w: string): boolean => words.includes(w);
  const phrase = (a: string, b: string): boolean => words.some((w, i) => w === a && words[i + 1] === b);
  if (has('source') || has('sources')) {
    if (words.length === 1 || words.some((w) => ABOUT_YOU.has(w) || w === 'what' || w === 'whats'))
      return 'source';
  }
  if (phrase('come', 'from') || phrase('comes', 'from')) {
    if (words.some((w) => ABOUT_YOU.has(w) || SOURCE_NOUNS.has(w))) return 'source';
  }
  if (has('from') && (has('where') || has('your')) && words.some((w) => SOURCE_NOUNS.has(w))) return 'source';
  if ((has('get') || has('find')) && has('you') && words.some((w) => SOURCE_NOUNS.has(w))) return 'source';
  if (has('how') && has('you') && has('know') && words.length <= 5) return 'source';
  const singular = has('release') || has('version');
  if (singular && words.some((w) => ABOUT_YOU.has(w)) && !words.some((w) => w.startsWith('feature')))
    return 'release';
  if (
    (phrase('to', 'date') || has('outdated') || has('stale') || phrase('how', 'old') || has('fresh')) &&
    (has('data') || has('you') || has('your'))
  )
    return 'release';
  return undefined;
}
