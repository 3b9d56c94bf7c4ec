import type { Feature, Registry } from '../../src/registry/schema.js';

const WORDS = [
  'traffic',
  'policy',
  'ingress',
  'egress',
  'gateway',
  'certificate',
  'provider',
  'tracing',
  'metrics',
  'routing',
  'mirroring',
  'retry',
  'timeout',
  'rate',
  'limit',
  'circuit',
  'breaker',
  'identity',
  'sidecar',
  'injection',
  'webhook',
  'upgrade',
  'multicluster',
  'telemetry',
  'logging',
  'audit',
  'quota',
  'failover',
  'locality',
  'canary',
  'shadow',
  'split',
  'header',
  'rewrite',
  'redirect',
  'authz',
  'authn',
  'jwt',
  'oidc',
  'wasm',
  'filter',
  'cache',
];
const STATES = ['Alpha', 'Beta', 'Stable'] as const;

/** A deterministic pseudo-random generator, so every run builds the same registry. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A registry of `count` features with realistic multi-word names and aliases, built on a real registry's
 * states and categories (for benchmarks and the huge-registry tests).
 */
export function syntheticRegistry(base: Registry, count: number, seed = 7): Registry {
  const next = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const features: Feature[] = [];
  for (let i = 0; i < count; i++) {
    const words = [pick(WORDS), pick(WORDS), pick(WORDS)];
    const id = `${words.join('-')}-${i}`;
    features.push({
      id,
      name: `${words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join(' ')} ${i}`,
      category: pick(base.categories).id,
      state: pick(STATES),
      aliases: [`${words[0]}${words[1]}${i}`, `${words[2]} ${words[0]} ${i}`],
      summary: `Synthetic feature number ${i} for scale tests.`,
    });
  }
  return { ...base, features };
}

/** The same registry with `percent` of its features changed (state, name or removal/addition). */
export function mutateRegistry(registry: Registry, percent: number, seed = 11): Registry {
  const next = rng(seed);
  const count = Math.max(1, Math.round((registry.features.length * percent) / 100));
  const features = registry.features.map((f) => ({ ...f }));
  for (let i = 0; i < count; i++) {
    const index = Math.floor(next() * features.length);
    const feature = features[index];
    if (!feature) continue;
    feature.state = STATES[(STATES.indexOf(feature.state) + 1) % STATES.length] ?? 'Alpha';
  }
  return { ...registry, features };
}
