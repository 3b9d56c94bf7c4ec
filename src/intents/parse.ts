import { compareReleases } from '../registry/history/releases.js';
import { findCategory } from '../registry/query/category-match.js';
import type { Registry } from '../registry/schema.js';
import type { Intent } from './intent.js';
import { parseGuarantees } from './parse-guarantees.js';
import { parseSettings } from './parse-settings.js';
import { parseSubscription } from './parse-subscription.js';
import { stateWord } from './state-word.js';
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
  const settings = parseSettings(words) ?? parseGuarantees(words);
  if (settings) return settings;
  const subscription = parseSubscription(words, registry);
  if (subscription) return subscription;
  switch (head) {
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
      return restText ? { kind: 'category', query: stripRelease(rest).text } : { kind: 'categories' };
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

function parseChanges(rest: string[]): Intent {
  const joined = rest.join(' ').replace(/\s*\.\.\s*/g, '..');
  const range = /^(v?\d+\.\d+(?:\.\d+)?)(?:\.\.| to | )(v?\d+\.\d+(?:\.\d+)?)$/.exec(joined);
  if (range?.[1] && range[2]) {
    const [from, to] = [normaliseRelease(range[1]), normaliseRelease(range[2])];
    // "changes v1.2..v1.0" means the same span as v1.0..v1.2.
    return from && to && compareReleases(from, to) > 0
      ? { kind: 'changes', from: to, to: from }
      : { kind: 'changes', from, to };
  }
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
  if (content.length === 0 && words.includes('you') && (words.includes('do') || words.includes('can'))) {
    return { kind: 'help' };
  }
  if (releases.length >= 2 && states.length === 0 && only(CHANGE_WORDS, COMPARE_WORDS)) {
    return { kind: 'changes', from: releases[0], to: releases.at(-1) };
  }
  if (has(CHANGE_WORDS) && states.length === 0 && only(CHANGE_WORDS)) {
    if (releases.length >= 2) return { kind: 'changes', from: releases[0], to: releases.at(-1) };
    return release ? { kind: 'changes', to: release } : { kind: 'changes' };
  }
  if (has(RELEASES_WORDS) && !release && only(RELEASES_WORDS)) return { kind: 'releases' };
  if (release && content.length === 0 && states.length === 0) return { kind: 'list', release };
  if (has(HISTORY_WORDS) && content.some((w) => !HISTORY_WORDS.has(w))) {
    const subject = content.filter((w) => !HISTORY_WORDS.has(w) && !HISTORY_VERBS.has(w));
    if (subject.length > 0) return { kind: 'history', query: subject.join(' ') };
  }
  if (
    states.length === 0 &&
    content.length > 0 &&
    (only(STATES_WORDS, MEANING_WORDS, COMPARE_WORDS) || only(DEPRECATION_WORDS))
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
  if (state && states.length === 1 && content.includes('not') && only(LIST_WORDS, NEGATION_WORDS)) {
    return withRelease({ kind: 'state', state, negate: true }, release);
  }
  const subject = content.filter((w) => !LIST_WORDS.has(w) && w !== 'category' && w !== 'categories');
  if (subject.length === 0 && words.includes('categories')) return { kind: 'categories' };
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

/** Verbs around a history question: "when did circuit breaking arrive", "when was multicluster removed". */
const HISTORY_VERBS = new Set([
  'become',
  'became',
  'get',
  'got',
  'promoted',
  'added',
  'arrive',
  'arrived',
  'removed',
  'introduced',
  'appear',
  'appeared',
  'land',
  'landed',
  'ship',
  'shipped',
  'released',
  'deprecated',
  'demoted',
  'changed',
  'come',
  'came',
]);
const NEGATION_WORDS = new Set(['not', 'yet', 'non', 'isnt', 'arent']);

const THANKS = new Set(['thanks', 'thank', 'thx', 'ty']);

function greeting(words: string[]): Intent {
  return words.some((w) => THANKS.has(w)) ? { kind: 'greeting', thanks: true } : { kind: 'greeting' };
}
