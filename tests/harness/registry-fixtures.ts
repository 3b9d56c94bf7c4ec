import { readFileSync } from 'node:fs';
import { parseRegistry } from '../../src/registry/load.js';
import type { Feature, Registry } from '../../src/registry/schema.js';
import type { SubscriptionFilter } from '../../src/registry/subscription-filter.js';
import type { Subscription } from '../../src/store/store.js';

/** The registry fixture (a frozen copy of data/features.yml), parsed once per call so tests can mutate their copy. */
export function realRegistry(): Registry {
  const parsed = parseRegistry(
    readFileSync('tests/fixtures/registry/osm.yml', 'utf8'),
    'tests/fixtures/registry/osm.yml',
  );
  if (!parsed.ok) throw new Error('the registry fixture does not load');
  return parsed.registry;
}

/** A copy of `registry` with one feature changed (or removed when `patch` is null). */
export function withFeature(registry: Registry, id: string, patch: Partial<Feature> | null): Registry {
  const copy = structuredClone(registry);
  const index = copy.features.findIndex((f) => f.id === id);
  if (index < 0) throw new Error(`no feature ${id}`);
  if (patch === null) copy.features.splice(index, 1);
  else copy.features[index] = { ...(copy.features[index] as Feature), ...patch };
  return copy;
}

export function withAdded(registry: Registry, feature: Partial<Feature> & { id: string }): Registry {
  const copy = structuredClone(registry);
  copy.features.push({ name: feature.id, category: 'core', state: 'Alpha', aliases: [], ...feature });
  return copy;
}

let nextId = 1;
/** An active subscription row as the store would return it. */
export function sub(
  channelId: string,
  filter: SubscriptionFilter,
  extra: Partial<Subscription> = {},
): Subscription {
  return {
    id: nextId++,
    workspace: { teamId: 'T0TEST' },
    channelId,
    filter,
    createdBy: 'U0USER',
    createdAt: 1_700_000_000_000,
    active: true,
    source: 'command',
    schedule: 'immediately',
    ...extra,
  };
}
