import { distance } from 'fastest-levenshtein';
import { findCategory } from '../registry/category-match.js';
import type { Registry, StateName } from '../registry/schema.js';
import { isTransposition } from '../registry/typos.js';
import type { FilterRequest, Intent } from './intent.js';
import { cleanSlackText, normaliseRelease, wordsOf } from './text.js';
import {
  CHANGE_WORDS,
  COMPARE_WORDS,
  DEPRECATION_WORDS,
  FILLER_WORDS,
  GREETINGS,
  HELP_WORDS,
  HISTORY_WORDS,
  LIST_WORDS,
  MEANING_WORDS,
  PRODUCTION_WORDS,
  RELEASES_WORDS,
  STATE_WORDS,
  STATES_WORDS,
} from './vocabulary.js';

/**
 * Turns what a person typed — after /osm-feature, in a mention, a DM or the CLI — into an Intent.
 * Command words are tried first ("list", "policy beta", "subscribe ..."), then plain English. Pure: the
 * registry is only read, for category names.
 */
export function parseIntent(raw: string, registry: Registry): Intent {
  // Nothing a person asks needs more than this; a 10,000-character paste must not cost a 10,000-wide edit distance.
  const text = cleanSlackText(raw.slice(0, 2000)).slice(0, 300);
  const words = wordsOf(text);
  if (words.length === 0) return { kind: 'help' };
  return parseCommand(words, registry) ?? parseQuestion(words, registry, text);
}

function parseCommand(words: string[], registry: Registry): Intent | undefined {
  const [head = '', ...rest] = words;
  const restText = rest.join(' ');
  const single = words.length === 1;
  if (HELP_WORDS.has(head) && rest.every((w) => HELP_WORDS.has(w) || FILLER_WORDS.has(w)))
    return { kind: 'help' };
  switch (head) {
    case 'subscribe':
      return { kind: 'subscribe', filter: parseFilter(rest, registry) };
    case 'unsubscribe':
      return rest.length === 0 || (rest.length === 1 && rest[0] === 'all')
        ? { kind: 'unsubscribe' }
        : { kind: 'unsubscribe', filter: parseFilter(rest, registry) };
    case 'subscriptions':
      return { kind: 'subscriptions' };
    case 'releases':
      return { kind: 'releases' };
    case 'states':
      return { kind: 'states' };
    case 'policy':
    case 'policies': {
      const state = rest.map(stateWord).find(Boolean);
      if (state) return { kind: 'policy', state };
      return rest.length > 0 ? { kind: 'states', unknownState: restText } : { kind: 'states' };
    }
    case 'history':
      return restText ? { kind: 'history', query: restText } : undefined;
    case 'changes':
      return parseChanges(rest);
    case 'category':
    case 'categories':
      return restText ? { kind: 'category', query: stripRelease(rest).text } : { kind: 'list' };
  }
  const { text: withoutRelease, release } = stripRelease(words);
  const remaining = withoutRelease.split(' ').filter(Boolean);
  if (remaining.length === 1 && (remaining[0] === 'list' || remaining[0] === 'all'))
    return withRelease({ kind: 'list' }, release);
  const state = remaining.length === 1 ? stateWord(remaining[0] ?? '') : undefined;
  if (state) return withRelease({ kind: 'state', state }, release);
  if (single && GREETINGS.has(head)) return greeting(words);
  return undefined;
}

function parseFilter(rest: string[], registry: Registry): FilterRequest {
  const [head = '', ...tail] = rest;
  if (rest.length === 0 || (rest.length === 1 && (head === 'all' || head === 'everything')))
    return { kind: 'all' };
  if (head === 'category' && tail.length > 0) return { kind: 'category', query: tail.join(' ') };
  if (rest.length === 1 && /^promot(ions?|ed|e)$/.test(head)) return { kind: 'promotions' };
  if (rest.length === 1 && /^remov(als?|ed|e)$/.test(head)) return { kind: 'removals' };
  const state = rest.length === 1 ? stateWord(head) : undefined;
  if (state) return { kind: 'state', state };
  const text = rest.join(' ');
  const category = findCategory(registry, text);
  if (category.kind === 'found' && category.via !== 'partial') return { kind: 'category', query: text };
  return { kind: 'feature', query: text };
}

function parseChanges(rest: string[]): Intent {
  const joined = rest.join(' ').replace(/\s*\.\.\s*/g, '..');
  const range = /^(v?\d+\.\d+(?:\.\d+)?)(?:\.\.| to | )(v?\d+\.\d+(?:\.\d+)?)$/.exec(joined);
  if (range?.[1] && range[2])
    return { kind: 'changes', from: normaliseRelease(range[1]), to: normaliseRelease(range[2]) };
  const one = rest.map(normaliseRelease).find(Boolean);
  if (rest.includes('since') && one) return { kind: 'changes', from: one };
  return one ? { kind: 'changes', to: one } : { kind: 'changes' };
}

/** Takes releases ("v1.0", "in 1.1", "multicluster@v1.0") out of the words; `release` is the last one. */
export function stripRelease(words: string[]): { text: string; release?: string; releases: string[] } {
  const releases: string[] = [];
  const kept: string[] = [];
  for (const word of words) {
    const at = word.lastIndexOf('@');
    const candidate = at >= 0 ? word.slice(at + 1) : word;
    const found = normaliseRelease(candidate);
    if (found) {
      releases.push(found);
      if (at > 0) kept.push(word.slice(0, at));
      continue;
    }
    kept.push(word);
  }
  while (
    releases.length > 0 &&
    kept.length > 0 &&
    ['in', 'at', 'for', 'as', 'of', 'during', 'release', 'version', 'and', 'to'].includes(kept.at(-1) ?? '')
  )
    kept.pop();
  return { text: kept.join(' '), release: releases.at(-1), releases };
}

function withRelease<T extends Intent & { release?: string }>(intent: T, release: string | undefined): T {
  return release ? { ...intent, release } : intent;
}

function parseQuestion(allWords: string[], registry: Registry, original: string): Intent {
  const { text, release, releases } = stripRelease(allWords);
  const words = text.split(' ').filter(Boolean);
  const has = (set: ReadonlySet<string>): boolean => words.some((w) => set.has(w));
  const states = [...new Set(words.map(stateWord).filter((s) => s !== undefined))];
  const content = words.filter((w) => !FILLER_WORDS.has(w) && !stateWord(w));
  const only = (...sets: ReadonlySet<string>[]): boolean =>
    content.every((w) => sets.some((set) => set.has(w)));

  if (words.length > 0 && words.every((w) => GREETINGS.has(w) || FILLER_WORDS.has(w)) && has(GREETINGS))
    return greeting(words);
  if (has(HELP_WORDS) && only(HELP_WORDS)) return { kind: 'help' };
  if (words[0] === 'subscribe' || words[0] === 'unsubscribe')
    return parseCommand(words, registry) ?? { kind: 'help' };
  if (has(CHANGE_WORDS) && states.length === 0 && only(CHANGE_WORDS)) {
    if (releases.length >= 2) return { kind: 'changes', from: releases[0], to: releases.at(-1) };
    return release ? { kind: 'changes', to: release } : { kind: 'changes' };
  }
  if (has(RELEASES_WORDS) && !release && only(RELEASES_WORDS)) return { kind: 'releases' };
  if (release && content.length === 0 && states.length === 0) return { kind: 'list', release };
  if (has(HISTORY_WORDS) && content.some((w) => !HISTORY_WORDS.has(w))) {
    const subject = content.filter(
      (w) => !HISTORY_WORDS.has(w) && !['become', 'became', 'get', 'got', 'promoted', 'added'].includes(w),
    );
    if (subject.length > 0) return { kind: 'history', query: subject.join(' ') };
  }
  if (
    states.length === 0 &&
    content.length > 0 &&
    (only(STATES_WORDS, MEANING_WORDS) || only(DEPRECATION_WORDS))
  ) {
    if (has(STATES_WORDS) || has(DEPRECATION_WORDS)) return { kind: 'states' };
  }
  if (states.length >= 2 && (has(COMPARE_WORDS) || only(COMPARE_WORDS, MEANING_WORDS)))
    return { kind: 'states' };
  const [state] = states;
  if (state && states.length === 1 && has(MEANING_WORDS) && only(MEANING_WORDS))
    return { kind: 'policy', state };
  const listing = has(LIST_WORDS);
  if (state && (content.length === 0 || (listing && only(LIST_WORDS)))) {
    return withRelease({ kind: 'state', state }, release);
  }
  const subject = content.filter((w) => !LIST_WORDS.has(w) && w !== 'category' && w !== 'categories');
  if (subject.length === 0 && has(PRODUCTION_WORDS))
    return withRelease({ kind: 'state', state: 'Stable' }, release);
  if (subject.length === 0 && listing) return withRelease({ kind: 'list' }, release);
  if (subject.length === 0) return { kind: 'unknown', text: original };
  const query = subject.join(' ');
  const category = findCategory(registry, query);
  if (category.kind === 'found') {
    const named = category.via !== 'partial';
    const asks =
      words.includes('category') || listing || subject.length === content.length || state !== undefined;
    if ((named && asks) || words.includes('category') || (listing && words.includes('features'))) {
      const intent = { kind: 'category' as const, query, ...(state && states.length === 1 ? { state } : {}) };
      return withRelease(intent, release);
    }
  }
  return withRelease({ kind: 'feature', query }, release);
}

/** A state named by a word, forgiving one typo in longer words ("stabel", "alpah"). */
function stateWord(word: string): StateName | undefined {
  const exact = STATE_WORDS[word];
  if (exact || word.length < 5) return exact;
  for (const [name, state] of Object.entries(STATE_WORDS)) {
    if (name.length >= 5 && (distance(word, name) === 1 || isTransposition(word, name))) return state;
  }
  return undefined;
}

const THANKS = new Set(['thanks', 'thank', 'thx', 'ty']);

function greeting(words: string[]): Intent {
  return words.some((w) => THANKS.has(w)) ? { kind: 'greeting', thanks: true } : { kind: 'greeting' };
}
