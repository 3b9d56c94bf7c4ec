import type { PolicyField } from '../registry/schema.js';

/**
 * The everyday names of a state's five promises (definition, stability, support, deprecation policy,
 * documentation), as phrases of one or two words. When a question holds several, the first field in this
 * order wins: "are stable APIs allowed to break?" asks about the APIs (the definition's promise).
 */
const ASPECT_PHRASES: readonly (readonly [PolicyField, readonly string[]])[] = [
  ['definition', ['api', 'apis', 'migration', 'migrate', 'migrations', 'definition', 'define', 'defined']],
  [
    'deprecation_policy',
    [
      'how long',
      'removed',
      'remove',
      'removal',
      'deprecated',
      'deprecate',
      'deprecation',
      'deprecations',
      'deprecation policy',
      'notice',
      'warning',
      'sunset',
      'upgrade path',
      'goes away',
      'go away',
      'dropped',
      'guarantee',
      'guarantees',
      'guaranteed',
      'lifetime',
      'retired',
      'end of life',
      'eol',
    ],
  ],
  [
    'support',
    [
      'backward compatible',
      'backwards compatible',
      'compatible',
      'compatibility',
      'breaking',
      'break',
      'breaks',
      'behaviour',
      'behavior',
    ],
  ],
  [
    'stability',
    [
      'enabled by',
      'disabled by',
      'by default',
      'default',
      'tested',
      'bugs',
      'buggy',
      'bug',
      'risk',
      'risky',
      'risks',
      'how stable',
      'stable enough',
      'stability',
      'reliable',
    ],
  ],
  [
    'documentation',
    [
      'docs',
      'doc',
      'documentation',
      'documented',
      'guides',
      'guide',
      'demos',
      'demo',
      'samples',
      'tutorials',
    ],
  ],
];

/** Each phrase split once, indexed by its first word, in the fields' order of precedence. */
const BY_FIRST_WORD = new Map<string, { field: PolicyField; rank: number; parts: string[] }[]>();
ASPECT_PHRASES.forEach(([field, phrases], rank) => {
  for (const phrase of phrases) {
    const parts = phrase.split(' ');
    const first = parts[0] ?? '';
    const list = BY_FIRST_WORD.get(first) ?? [];
    list.push({ field, rank, parts });
    BY_FIRST_WORD.set(first, list);
  }
});

/** "support" names the support promise only next to a state ("alpha support"); "grpc support" is a feature. */
const WEAK_SUPPORT = new Set(['support']);

export interface AspectMention {
  aspect: PolicyField;
  /** Positions of the words that named it, to leave out of the subject. */
  used: ReadonlySet<number>;
  /** Named only by a word that is an aspect next to a state alone. */
  weak: boolean;
}

/**
 * The promise a question asks about, if any; `partOfName` tells a word that belongs to a feature's name
 * ("breaking" in "circuit breaking"), which names no promise. Pure.
 */
export function aspectMention(
  words: readonly string[],
  partOfName: (position: number) => boolean = () => false,
): AspectMention | undefined {
  const used = new Set<number>();
  let found: { field: PolicyField; rank: number } | undefined;
  for (let i = 0; i < words.length; i++) {
    for (const candidate of BY_FIRST_WORD.get(words[i] ?? '') ?? []) {
      const { parts } = candidate;
      if (i + parts.length > words.length) continue;
      if (!parts.every((p, j) => words[i + j] === p) || parts.some((_, j) => partOfName(i + j))) continue;
      if (!found || candidate.rank < found.rank) found = candidate;
      for (let j = 0; j < parts.length; j++) used.add(i + j);
    }
  }
  if (found) return { aspect: found.field, used, weak: false };
  const weakAt = words.findIndex((w) => WEAK_SUPPORT.has(w));
  return weakAt >= 0 ? { aspect: 'support', used: new Set([weakAt]), weak: true } : undefined;
}
