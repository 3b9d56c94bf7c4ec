import { compareReleases } from '../registry/history/releases.js';

/** How a question places itself in time: at a release, after one, before one, or between two. */
export type ReleaseRelation = 'at' | 'after' | 'before' | 'between';

export interface ReleaseMention {
  relation: ReleaseRelation;
  /** The releases named, oldest first for a range. */
  releases: string[];
}

const AFTER = new Set(['after', 'since', 'from', 'post']);
const BEFORE = new Set(['before', 'prior', 'pre']);

/**
 * Reads the relation around the releases a question names ("after v1.0", "since 1.1", "before v1.2",
 * "from v1.0 to v1.2", "between v1.0 and v1.1"); `words` are the question's words and `releases` the releases
 * found in them, in the order written. Pure.
 */
export function releaseMention(
  words: readonly string[],
  releases: readonly string[],
): ReleaseMention | undefined {
  if (releases.length === 0) return undefined;
  if (releases.length >= 2) {
    const sorted = [...releases].sort(compareReleases);
    return { relation: 'between', releases: [sorted[0] ?? '', sorted.at(-1) ?? ''] };
  }
  const [release = ''] = releases;
  const at = words.findIndex((w) => w.endsWith(release.slice(1)));
  const before = words.slice(Math.max(0, at - 2), Math.max(0, at));
  if (before.some((w) => AFTER.has(w))) return { relation: 'after', releases: [release] };
  if (before.some((w) => BEFORE.has(w))) return { relation: 'before', releases: [release] };
  return { relation: 'at', releases: [release] };
}

/** Names people give releases: "the first release", "the latest version". */
const ORDINALS: Readonly<Record<string, 'first' | 'latest' | 'previous'>> = {
  first: 'first',
  initial: 'first',
  earliest: 'first',
  oldest: 'first',
  latest: 'latest',
  current: 'latest',
  newest: 'latest',
  recent: 'latest',
  previous: 'previous',
  prior: 'previous',
};
const RELEASE_NOUNS = new Set(['release', 'version']);

/**
 * Replaces "first release", "latest version" and the like with the release they name, when the question asks
 * something more than which release that is. `known` is oldest first; `current` the registry's release. Pure.
 */
export function nameOrdinalReleases(
  words: readonly string[],
  known: readonly string[],
  current: string | undefined,
): string[] {
  if (known.length === 0) return [...words];
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const ordinal = ORDINALS[words[i] ?? ''];
    if (ordinal && RELEASE_NOUNS.has(words[i + 1] ?? '')) {
      const latest = current ?? known.at(-1);
      const index = latest ? known.indexOf(latest) : -1;
      const named =
        ordinal === 'first'
          ? known[0]
          : ordinal === 'latest'
            ? latest
            : index > 0
              ? known[index - 1]
              : undefined;
      if (named) {
        out.push(named);
        i++;
        continue;
      }
    }
    out.push(words[i] ?? '');
  }
  return out;
}
