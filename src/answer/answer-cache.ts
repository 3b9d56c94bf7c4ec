import type { Intent } from '../intents/intent.js';
import type { Registry } from '../registry/schema.js';
import type { Answer } from './answer.js';

/** The parsed intent for a text and, for questions, its answer. */
export interface CachedAnswer {
  intent: Intent;
  answer?: Answer;
}

const MAX_ENTRIES = 1000;
const caches = new WeakMap<Registry, Map<string, CachedAnswer>>();

/**
 * Parsing and answering are pure functions of (registry, text), and people ask the same few things over and
 * over, so answers are kept per registry object, the most recent 1,000 texts. A new registry (an edit, a
 * release view) is a new object and starts a fresh cache; the old one is garbage with its registry.
 */
export function cachedAnswer(registry: Registry, text: string, compute: () => CachedAnswer): CachedAnswer {
  let cache = caches.get(registry);
  if (!cache) {
    cache = new Map();
    caches.set(registry, cache);
  }
  const hit = cache.get(text);
  if (hit) {
    // Re-insert so that Map order is least recently used first.
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const entry = compute();
  cache.set(text, entry);
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return entry;
}
