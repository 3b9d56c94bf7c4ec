import type { Feature, Registry } from '../schema.js';
import { type FeatureMatch, findFeature } from './match.js';

/**
 * When a whole question names no feature ("what happened to multicluster", "how long will vault be
 * supported"), looks for the longest run of its words that does: an exact name or alias, or a typo of a single
 * long word. Several different features at that length ("prometheus and grafana") give a "did you mean". Pure.
 */
export function spotFeature(registry: Registry, query: string): FeatureMatch | undefined {
  const words = query.split(/\s+/).filter(Boolean).slice(0, 12);
  for (let size = words.length - 1; size >= 1; size--) {
    const found = new Map<string, Feature>();
    for (let start = 0; start + size <= words.length; start++) {
      const phrase = words.slice(start, start + size).join(' ');
      // Typos only count for a single long word; elsewhere the distance ranking would be thrown away.
      const match = findFeature(registry, phrase, { typos: size === 1 && phrase.length >= 5 });
      if (match.kind === 'found') {
        found.set(match.feature.id, match.feature);
      }
    }
    const features = [...found.values()];
    const [first, ...rest] = features;
    if (first && rest.length === 0) return { kind: 'found', feature: first, via: 'words' };
    if (features.length > 1) return { kind: 'ambiguous', candidates: features.slice(0, 5) };
  }
  return undefined;
}
