import { compareReleases, knownReleases } from '../registry/history/releases.js';
import type { Registry } from '../registry/schema.js';
import type { Intent } from './intent.js';
import { nameOrdinalReleases } from './release-range.js';
import { normaliseRelease } from './text.js';

/** "changes v1.0..v1.2", "changes since v1.0", "changes after 1.0", "changes from v1.0 to v1.2". */
export function parseChanges(words: string[], registry: Registry): Intent {
  const rest = nameOrdinalReleases(words, knownReleases(registry), registry.current_release);
  const joined = rest.join(' ').replace(/\s*\.\.\s*/g, ' ');
  const releases = joined
    .split(' ')
    .map((w) => normaliseRelease(w))
    .filter((r) => r !== undefined);
  return changesIntent(rest, releases, registry);
}

/** The changes asked for by the words around the releases named: at, after, before or between. */
export function changesIntent(
  words: readonly string[],
  releases: readonly string[],
  registry: Registry,
): Intent {
  if (releases.length >= 2) {
    const sorted = [...releases].sort(compareReleases);
    return { kind: 'changes', from: sorted[0], to: sorted.at(-1) };
  }
  const [one] = releases;
  if (!one) return { kind: 'changes' };
  const at = words.findIndex((w) => normaliseRelease(w.slice(w.lastIndexOf('@') + 1)) === one);
  const before = words.slice(Math.max(0, at - 2), Math.max(0, at));
  if (before.some((w) => w === 'since' || w === 'after' || w === 'from'))
    return { kind: 'changes', from: one };
  if (before.some((w) => w === 'before' || w === 'prior')) {
    const known = knownReleases(registry);
    const index = known.indexOf(one);
    // Everything before the first release is nothing; before an unknown one is answered as that release.
    if (index <= 0) return { kind: 'changes', to: one };
    const previous = known[index - 1];
    return index === 1
      ? { kind: 'changes', to: previous }
      : { kind: 'changes', from: known[0], to: previous };
  }
  return { kind: 'changes', to: one };
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
