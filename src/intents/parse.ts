import type { Registry } from '../registry/schema.js';
import { COMMANDS } from './commands.js';
import { isForeign } from './foreign.js';
import type { Intent } from './intent.js';
import { parseGuarantees } from './parse-guarantees.js';
import { parseSettings } from './parse-settings.js';
import { parseSubscription } from './parse-subscription.js';
import { readQuestion } from './read-question.js';
import { stripRelease } from './release-words.js';
import { stateWord } from './state-word.js';
import { cleanSlackText, wordsOf } from './text.js';
import { FILLER_WORDS, HELP_WORDS } from './vocabulary.js';

/**
 * Turns what a person typed — after /osm-feature, in a mention, a DM or the CLI — into an Intent.
 * Command words are tried first ("list", "policy beta", "subscribe ..."), then plain English. Pure: the
 * registry is only read, for category, group and release names.
 */
export function parseIntent(raw: string, registry: Registry): Intent {
  // Nothing a person asks needs more than this; a 10,000-character paste must not cost a 10,000-wide edit distance.
  const text = cleanSlackText(raw.slice(0, 2000)).slice(0, 300);
  const words = wordsOf(stripMarkup(text));
  if (words.length === 0) return isForeign(text, words) ? { kind: 'foreign' } : { kind: 'help' };
  if (isForeign(text, words)) return { kind: 'foreign' };
  return parseCommand(words, registry) ?? readQuestion(words, registry, text);
}

/** HTML or XML tags pasted around a name ("<b>vault</b>") are not words of the question. */
function stripMarkup(text: string): string {
  return text.replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, ' ');
}

function parseCommand(words: string[], registry: Registry): Intent | undefined {
  const [head = '', ...rest] = words;
  if (HELP_WORDS.has(head) && rest.every((w) => HELP_WORDS.has(w) || FILLER_WORDS.has(w)))
    return { kind: 'help' };
  const settings = parseSettings(words) ?? parseGuarantees(words);
  if (settings) return settings;
  const subscription = parseSubscription(words, registry);
  if (subscription) return subscription;
  const command = COMMANDS[head];
  if (command) {
    const intent = command(rest, registry);
    if (intent) return intent;
  }
  const { text: withoutRelease, release } = stripRelease(words);
  const remaining = withoutRelease.split(' ').filter(Boolean);
  if (remaining.length === 1 && (remaining[0] === 'list' || remaining[0] === 'all'))
    return release ? { kind: 'list', release } : { kind: 'list' };
  const state = remaining.length === 1 ? stateWord(remaining[0] ?? '') : undefined;
  if (state) return release ? { kind: 'state', state, release } : { kind: 'state', state };
  return undefined;
}
