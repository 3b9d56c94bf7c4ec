import type { Intent } from './intent.js';

const GUARANTEE_WORDS = new Set(['guarantees', 'guarantee', 'guaranteed', 'promises']);
const AROUND = new Set(['list', 'show', 'all', 'every', 'feature', 'features', 'the', 'my', 'what', 'are']);

/** `guarantees` (and "list every feature's guarantee"): each feature's guarantee as of today. Pure. */
export function parseGuarantees(words: readonly string[]): Intent | undefined {
  if (!words.some((w) => GUARANTEE_WORDS.has(w))) return undefined;
  return words.every((w) => GUARANTEE_WORDS.has(w) || AROUND.has(w) || w === 'features' || w === 's')
    ? { kind: 'guarantees' }
    : undefined;
}
