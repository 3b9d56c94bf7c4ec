import type { Registry } from '../registry/schema.js';
import type { AnswerSource } from './answer.js';

/** The source an answer cites: the registry's name and link, and the release it describes. Pure. */
export function sourceOf(registry: Registry): AnswerSource {
  return {
    name: registry.source.name,
    ...(registry.source.url ? { url: registry.source.url } : {}),
    ...(registry.current_release ? { release: registry.current_release } : {}),
  };
}

/** How many features are in each state. Pure. */
export function countByState(registry: Registry): Record<'Alpha' | 'Beta' | 'Stable', number> {
  const counts = { Alpha: 0, Beta: 0, Stable: 0 };
  for (const feature of registry.features) counts[feature.state] += 1;
  return counts;
}
