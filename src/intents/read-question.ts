// Reads a plain-English question by its parts. One file because the parts are read in one pass over the words,
// each step using what the earlier ones took; the word lists and sub-parsers it calls live in their own modules.
import { knownReleases } from '../registry/history/releases.js';
import { findCategory } from '../registry/query/category-match.js';
import { weighEvidence } from '../registry/query/evidence.js';
import { findGroup, knownWord } from '../registry/query/group.js';
import { findFeature } from '../registry/query/match.js';
import { indexFor } from '../registry/query/match-index.js';
import type { Registry, StateName } from '../registry/schema.js';
import { aspectMention } from './aspect-words.js';
import type { Intent, ListIntent, StateAsk } from './intent.js';
import { aboutTopic } from './meta-questions.js';
import { nameOrdinalReleases, releaseMention } from './release-range.js';
import { changesIntent, stripRelease } from './release-words.js';
import { stateWord } from './state-word.js';
import {
  CHANGE_WORDS,
  COMPARE_WORDS,
  FILLER_WORDS,
  GREETINGS,
  GROUP_WORDS,
  HELP_WORDS,
  HISTORY_VERBS,
  HISTORY_WORDS,
  LIST_WORDS,
  MEANING_WORDS,
  NEGATION_WORDS,
  PRODUCTION_WORDS,
  RELEASES_WORDS,
  STATES_WORDS,
  THANKS,
  YES_NO_HEADS,
} from './vocabulary.js';

/**
 * Reads a plain-English question by its parts, wherever they stand: states (and their synonyms), negation,
 * a count, a promise asked about, releases and ranges, categories, groups and features. Pure.
 */
export function readQuestion(rawWords: string[], registry: Registry, original: string): Intent {
  const known = knownReleases(registry);
  const expanded = splitCompounds(rawWords);
  const all = namedReleases(expanded, known, registry.current_release);
  const { text, release: named, releases } = stripRelease(all);
  // "what was stable before v1.2" asks about the release before it; ranges of changes read the words themselves.
  const release = releaseMention(all, releases)?.relation === 'before' ? releaseBefore(known, named) : named;
  const words = text.split(' ').filter(Boolean);
  const has = (set: ReadonlySet<string>): boolean => words.some((w) => set.has(w));

  const about = aboutTopic(words);
  if (about) return { kind: 'about', topic: about };
  if (words.length > 0 && words.every((w) => GREETINGS.has(w) || FILLER_WORDS.has(w)) && has(GREETINGS))
    return words.some((w) => THANKS.has(w)) ? { kind: 'greeting', thanks: true } : { kind: 'greeting' };

  const counting = isCount(words);
  const aspect = aspectMention(words, (i) => insideFeatureName(registry, words, i));
  const negation = negationOf(words);
  const stateAt = words.map((w, i) => (aspect?.used.has(i) ? undefined : stateWord(w)));
  const states = [...new Set(stateAt.filter((s) => s !== undefined))];
  if (negation.unstable && !states.includes('Stable')) states.push('Stable');
  const production = has(PRODUCTION_WORDS);
  const contentOf = (withAspect: boolean): string[] =>
    words.filter(
      (w, i) =>
        (!FILLER_WORDS.has(w) || CONNECTORS.has(w)) &&
        stateAt[i] === undefined &&
        (withAspect || !aspect?.used.has(i)) &&
        !NEGATION_WORDS.has(w) &&
        !COUNT_WORDS.has(w),
    );
  const content = contentOf(false);
  const only = (...sets: ReadonlySet<string>[]): boolean =>
    content.every((w) => CONNECTORS.has(w) || sets.some((s) => s.has(w)));

  if (has(HELP_WORDS) && only(HELP_WORDS)) return { kind: 'help' };
  if (
    words.includes('you') &&
    content.every((w) => ABOUT_YOU_HELP.has(w)) &&
    !counting &&
    !aspect &&
    states.length === 0
  )
    return { kind: 'help' };
  if (releases.length >= 2 && states.length === 0 && only(CHANGE_WORDS, COMPARE_WORDS, ADDED_WORDS))
    return changesIntent(all, releases, registry);
  if (has(CHANGE_WORDS) && !aspect && states.length === 0 && only(CHANGE_WORDS, ADDED_WORDS))
    return changesIntent(all, releases, registry);
  if (release && has(ADDED_WORDS) && states.length === 0 && only(ADDED_WORDS, LIST_WORDS, CHANGE_WORDS))
    return changesIntent(all, releases, registry);
  if (has(RELEASES_WORDS) && !release && only(RELEASES_WORDS) && !counting) return { kind: 'releases' };
  // "when was v1.1 released", "release notes for 1.1": the releases, or what changed into one.
  if (release && only(RELEASE_ASKS) && (words.includes('released') || words.includes('notes')))
    return words.includes('notes') ? changesIntent(all, releases, registry) : { kind: 'releases' };
  const historyAsked = words[0] === 'when' || words.includes('history') || words.includes('timeline');
  if (historyAsked && content.some((w) => !HISTORY_WORDS.has(w))) {
    const subject = content.filter((w) => !HISTORY_WORDS.has(w) && !HISTORY_VERBS.has(w));
    if (subject.length > 0) return { kind: 'history', query: subject.join(' ') };
  }

  const subjectOf = (words: string[]): string[] =>
    trimConnectors(
      words.filter(
        (w) => !LIST_WORDS.has(w) && !GROUP_WORDS.has(w) && w !== 'category' && w !== 'categories',
      ),
    );
  let subject = subjectOf(content);
  if (aspect && (!aspect.weak || states.length === 1)) {
    const whole = wholePromise(words, aspect.used);
    if (states.length === 1 && states[0]) {
      return whole
        ? { kind: 'policy', state: states[0] }
        : { kind: 'policy', state: states[0], aspect: aspect.aspect };
    }
    const rest = subject.filter(
      (w) => !CHANGE_WORDS.has(w) && !STATES_WORDS.has(w) && !COMPARE_WORDS.has(w) && !PROMISE_NOUNS.has(w),
    );
    if (rest.length === 0) return { kind: 'aspect', aspect: aspect.aspect };
    const named = weighEvidence(registry, rest.join(' '));
    if (!whole && (named.kind === 'found' || named.kind === 'several'))
      return withRelease({ kind: 'feature', query: rest.join(' '), aspect: aspect.aspect }, release);
    // No feature's promise after all ("api gateway"): the promise's words are part of what is looked up.
    subject = subjectOf(contentOf(true));
  }

  if (states.length === 0 && content.length > 0 && only(STATES_WORDS, MEANING_WORDS, COMPARE_WORDS)) {
    if (has(STATES_WORDS)) return { kind: 'states' };
  }
  if (states.length >= 2 && !negation.negate && (has(COMPARE_WORDS) || only(COMPARE_WORDS, MEANING_WORDS)))
    return { kind: 'states' };
  const [state] = states;
  if (state && states.length === 1 && has(MEANING_WORDS) && only(MEANING_WORDS))
    return { kind: 'policy', state };
  if (counting && words.includes('categories')) return { kind: 'categories' };
  if (subject.length === 0 && words.includes('categories')) return { kind: 'categories' };

  const listState: StateName | undefined = state ?? (production && !counting ? 'Stable' : undefined);
  const negate = negation.negate;
  const list = (intent: ListIntent): Intent => (counting ? { kind: 'count', of: intent } : intent);
  if (subject.length === 0) {
    if (listState)
      return list(withRelease({ kind: 'state', state: listState, ...(negate ? { negate } : {}) }, release));
    if (production || counting || release || has(LIST_WORDS))
      return list(withRelease({ kind: 'list' }, release));
    return { kind: 'unknown', text: original };
  }

  const query = subject.join(' ');
  const filters = {
    ...(listState && states.length <= 1 ? { state: listState } : {}),
    ...(negate ? { negate } : {}),
  };
  const listing = counting || has(LIST_WORDS) || has(GROUP_WORDS) || listState !== undefined;
  const ask = yesNo(words, states, production);
  const byName = findCategory(registry, query, { aliases: false });
  if (byName.kind === 'found') return list(withRelease({ kind: 'category', query, ...filters }, release));
  const exactFeature = indexFor(registry).exact.has(query.replaceAll(' ', ''));
  const group = !exactFeature || (listing && !ask) ? findGroup(registry, subject) : undefined;
  if (group) return list(withRelease({ kind: 'group', words: subject, ...filters }, release));
  const category = findCategory(registry, query);
  if (category.kind === 'found' && (!exactFeature || listing)) {
    const named = category.via !== 'partial';
    if (named || words.includes('category') || (has(LIST_WORDS) && words.includes('features')))
      return list(withRelease({ kind: 'category', query, ...filters }, release));
  }
  if (ask) return withRelease({ kind: 'feature', query, ask }, release);
  return withRelease({ kind: 'feature', query }, release);
}

/** The release before `release` among those known, or `release` itself when there is none before it. */
function releaseBefore(known: readonly string[], release: string | undefined): string | undefined {
  const index = release ? known.indexOf(release) : -1;
  return index > 0 ? known[index - 1] : release;
}

/** Connectors only join names: none at either end, none alone. */
function trimConnectors(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && CONNECTORS.has(words[start] ?? '')) start++;
  while (end > start && CONNECTORS.has(words[end - 1] ?? '')) end--;
  return words.slice(start, end);
}

function withRelease<T extends Intent & { release?: string }>(intent: T, release: string | undefined): T {
  return release ? { ...intent, release } : intent;
}

/** "is vault stable?", "can I use dapr in production?": a state or production asked with a yes/no head. */
function yesNo(
  words: readonly string[],
  states: readonly StateName[],
  production: boolean,
): StateAsk | undefined {
  if (!YES_NO_HEADS.has(words[0] ?? '')) return undefined;
  const [state] = states;
  if (state && states.length === 1) return { kind: 'state', state };
  return production ? { kind: 'production' } : undefined;
}

/** What is left of "when was v1.1 released" or "release notes for 1.1" once the release is taken out. */
const RELEASE_ASKS = new Set(['released', 'notes', 'release', 'version', 'date', 'published', 'out']);

/** Words for a promise as a whole, left over once the promise asked about is known. */
const PROMISE_NOUNS = new Set(['policy', 'policies', 'promise', 'promises', 'promised', 'mean', 'means']);

/** Words that join several features named at once: kept in the subject, so each is looked up alone. */
const CONNECTORS = new Set(['and', 'or', 'vs', 'versus']);

/** "how do I use you", "what can I ask you": help. */
const ABOUT_YOU_HELP = new Set(['use', 'ask', 'tell', 'help', 'talk']);

/**
 * Whether a word that names a promise is part of a feature's name here: "breaking" in "circuit breaking"
 * (or "circut breaking"), "upgrade" in "helm upgrade".
 */
function insideFeatureName(registry: Registry, words: readonly string[], i: number): boolean {
  const index = indexFor(registry);
  // Only a word some feature's name or alias holds can be part of one.
  if (!knownWord(index, words[i] ?? '')) return false;
  for (const [from, to] of [
    [i - 1, i + 1],
    [i, i + 2],
    [i - 2, i + 1],
  ] as const) {
    if (from < 0 || to > words.length) continue;
    const phrase = words.slice(from, to);
    if (index.exact.has(phrase.join(''))) return true;
    const match = findFeature(registry, phrase.join(' '));
    if (match.kind === 'found' && match.via === 'typo' && phrase.join('').length >= 8) return true;
  }
  return false;
}

const COUNT_WORDS = new Set(['how', 'many', 'number', 'count', 'total']);
/** Verbs of a change between releases when a release is named: "which features were added after v1.0". */
const ADDED_WORDS = new Set(['added', 'new', 'introduced', 'removed', 'promoted', 'arrived']);

function isCount(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if ((w === 'how' && next === 'many') || (w === 'number' && next === 'of')) return true;
  }
  return words[0] === 'count' || words[0] === 'total';
}

/** Negation in its everyday forms: "not beta", "aren't stable", "everything except stable", "other than alpha". */
function negationOf(words: readonly string[]): { negate: boolean; unstable: boolean } {
  const unstable = words.includes('unstable');
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (['not', 'isnt', 'arent', 'non', 'except', 'excluding', 'exclude', 'besides', 'unstable'].includes(w))
      return { negate: true, unstable };
    if (w === 'other' && words[i + 1] === 'than') return { negate: true, unstable };
    if (w === 'but' && ['everything', 'anything', 'all', 'features'].includes(words[i - 1] ?? ''))
      return { negate: true, unstable };
    if (w === 'apart' && words[i + 1] === 'from') return { negate: true, unstable };
  }
  return { negate: false, unstable };
}

/** "what does beta guarantee", "stable promises": the whole promise, though a promise's word is in it. */
function wholePromise(words: readonly string[], used: ReadonlySet<number>): boolean {
  return [...used].some((i) => {
    const w = words[i] ?? '';
    return (w === 'guarantee' || w === 'guarantees') && stateWord(words[i - 1] ?? '') !== undefined;
  });
}

/** Hyphenated words people write as one: "non-stable", "production-ready", "helm-related". */
function splitCompounds(words: readonly string[]): string[] {
  return words.flatMap((w) => {
    const dash = w.indexOf('-');
    if (dash <= 0) return [w];
    const [first = '', second = ''] = [w.slice(0, dash), w.slice(dash + 1)];
    return first === 'non' || first === 'pre' || SECOND_PARTS.has(second) ? [first, second] : [w];
  });
}
const SECOND_PARTS = new Set(['related', 'based', 'ready', 'grade', 'friendly', 'stable', 'ga']);

/** "the first release" → v1.0 when it is part of a larger question, not when it is the question. */
function namedReleases(words: string[], known: readonly string[], current: string | undefined): string[] {
  const named = nameOrdinalReleases(words, known, current);
  if (named.length === words.length) return words;
  const others = words.filter((w) => !ONLY_ABOUT_RELEASE.has(w) && !RELEASES_WORDS.has(w));
  return others.length === 0 ? words : named;
}
const ONLY_ABOUT_RELEASE = new Set([
  'what',
  'whats',
  'which',
  'is',
  'the',
  'was',
  'our',
  'osm',
  'first',
  'initial',
  'earliest',
  'oldest',
  'latest',
  'current',
  'newest',
  'recent',
  'previous',
  'prior',
]);
