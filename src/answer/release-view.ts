import { registryAt } from '../registry/history/releases.js';
import type { Registry } from '../registry/schema.js';
import type { Answer } from './answer.js';

/**
 * Answers from the registry as it stood in `release` (today's when undefined); a release the registry does not
 * know is an answer of its own, listing the ones it does. Pure.
 */
export function withRelease(
  release: string | undefined,
  registry: Registry,
  answer: (view: Registry, name: string) => Answer,
): Answer {
  if (!release) return answer(registry, registry.current_release ?? '');
  const view = registryAt(registry, release);
  if (view.ok) return answer(view.registry, view.release);
  return { kind: 'unknown-release', release, known: view.known };
}
