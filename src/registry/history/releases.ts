import type { Feature, Registry, StateName } from '../schema.js';

/** Parses "v1.2" or "v1.2.3" into numbers; undefined when it is not a release. */
export function parseRelease(release: string): [number, number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(release.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

/** Orders releases: negative when a is older than b. Unparseable ones sort last. */
export function compareReleases(a: string, b: string): number {
  const pa = parseRelease(a);
  const pb = parseRelease(b);
  if (!pa || !pb) return pa ? -1 : pb ? 1 : a.localeCompare(b);
  return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
}

/** The release a number of minor releases after this one: v1.1 + 2 → v1.3. */
export function addMinors(release: string, minors: number): string {
  const p = parseRelease(release);
  return p ? `v${p[0]}.${p[1] + minors}` : release;
}

export type StateAt =
  | { kind: 'state'; state: StateName; since?: string }
  | { kind: 'not-yet'; firstRelease: string }
  | { kind: 'unknown' };

/**
 * A feature's state as of a release, from its history: the entry in force then, `not-yet` before its first
 * entry, and `unknown` when it has no history (callers decide whether to assume today's state). Pure.
 */
export function stateAt(feature: Feature, release: string): StateAt {
  const history = feature.history;
  if (!history || history.length === 0) return { kind: 'unknown' };
  let current: { state: StateName; since: string } | undefined;
  for (const entry of history) {
    if (compareReleases(entry.since, release) <= 0) current = entry;
  }
  if (current) return { kind: 'state', state: current.state, since: current.since };
  return { kind: 'not-yet', firstRelease: history[0]?.since ?? release };
}

/** When a feature entered its current state, if the history says. */
export function currentSince(feature: Feature): string | undefined {
  const last = feature.history?.at(-1);
  return last && last.state === feature.state ? last.since : undefined;
}

export type ReleaseView = { ok: true; registry: Registry; release: string } | { ok: false; known: string[] };

/**
 * The registry as it stood in a release: features that did not exist yet are left out, the others carry the
 * state they had then, with history and notes cut at that release, so the view is itself a valid registry
 * (its last history entry equals its state). Features without history are kept as they are. Pure.
 */
export function registryAt(registry: Registry, release: string): ReleaseView {
  // Memoised per registry object: the same view object also keeps the match index and answer caches warm.
  let views = viewCache.get(registry);
  if (!views) {
    views = new Map();
    viewCache.set(registry, views);
  }
  let view = views.get(release);
  if (!view) {
    view = computeRegistryAt(registry, release);
    // Only known releases are kept, so user-typed release numbers cannot grow the cache.
    if (view.ok) views.set(release, view);
  }
  return view;
}

const viewCache = new WeakMap<Registry, Map<string, ReleaseView>>();

function computeRegistryAt(registry: Registry, release: string): ReleaseView {
  const known = knownReleases(registry);
  const exact = known.find((r) => compareReleases(r, release) === 0);
  if (!exact) return { ok: false, known };
  const features: Feature[] = [];
  for (const feature of registry.features) {
    const at = stateAt(feature, exact);
    if (at.kind === 'not-yet') continue;
    features.push(at.kind === 'state' ? featureAt(feature, at.state, exact) : feature);
  }
  return { ok: true, registry: { ...registry, features, current_release: exact }, release: exact };
}

function featureAt(feature: Feature, state: StateName, release: string): Feature {
  const { history, notes, ...rest } = feature;
  const notesThen = notes?.filter((n) => !n.release || compareReleases(n.release, release) <= 0);
  return {
    ...rest,
    state,
    ...(history ? { history: history.filter((h) => compareReleases(h.since, release) <= 0) } : {}),
    ...(notesThen && notesThen.length > 0 ? { notes: notesThen } : {}),
  };
}

/** Releases the registry knows, oldest first. */
export function knownReleases(registry: Registry): string[] {
  const names = new Set<string>((registry.releases ?? []).map((r) => r.name));
  if (registry.current_release) names.add(registry.current_release);
  return [...names].sort(compareReleases);
}
