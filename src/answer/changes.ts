import { diffRegistries } from '../registry/history/diff.js';
import { knownReleases } from '../registry/history/releases.js';
import type { Registry } from '../registry/schema.js';
import type { Answer } from './answer.js';
import { withRelease } from './release-view.js';
import { sourceOf } from './source.js';

/**
 * What changed between two releases: `from`..`to`, or into `to` from the release before it, or into the
 * current release when neither is given. Pure.
 */
export function answerChanges(from: string | undefined, to: string | undefined, registry: Registry): Answer {
  // Diffing two views of a large registry costs milliseconds, and the answer only depends on these three.
  let known = memo.get(registry);
  if (!known) {
    known = new Map();
    memo.set(registry, known);
  }
  const key = `${from ?? ''}..${to ?? ''}`;
  const cached = known.get(key);
  if (cached) return cached;
  const answer = computeChanges(from, to, registry);
  // Only real spans are kept: the releases a registry knows are few, what people type is not.
  if (answer.kind === 'changes') known.set(key, answer);
  return answer;
}

const memo = new WeakMap<Registry, Map<string, Answer>>();

function computeChanges(from: string | undefined, to: string | undefined, registry: Registry): Answer {
  const releases = knownReleases(registry);
  const target = to ?? registry.current_release ?? releases.at(-1);
  if (!target) return { kind: 'no-releases' };
  const targetIndex = releases.indexOf(target);
  if (targetIndex === -1) return { kind: 'unknown-release', release: target, known: releases };
  const start = from ?? (targetIndex > 0 ? releases[targetIndex - 1] : undefined);
  if (!start) return { kind: 'first-release', release: target };
  return withRelease(start, registry, (before, startName) =>
    withRelease(target, registry, (after, targetName) => ({
      kind: 'changes',
      from: startName,
      to: targetName,
      changes: diffRegistries(before, after),
      states: registry.states,
      source: sourceOf(registry),
    })),
  );
}
