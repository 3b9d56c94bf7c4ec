import { distance } from 'fastest-levenshtein';
import { isTransposition } from '../registry/query/typos.js';
import type { StateName } from '../registry/schema.js';
import { STATE_WORDS } from './vocabulary.js';

/** A state named by a word, forgiving one typo in longer words ("stabel", "alpah"). */
export function stateWord(word: string): StateName | undefined {
  const exact = STATE_WORDS[word];
  if (exact || word.length < 5) return exact;
  for (const [name, state] of Object.entries(STATE_WORDS)) {
    if (name.length >= 5 && (distance(word, name) === 1 || isTransposition(word, name))) return state;
  }
  return undefined;
}
