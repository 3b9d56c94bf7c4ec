import type { Feature, Registry } from '../schema.js';
import { type Guarantee, guaranteeFor } from './guarantee.js';
import { compareReleases, currentSince } from './releases.js';

/** Where a feature's guarantee stands at the registry's current release. */
export type GuaranteeStanding =
  /** A number of releases the policy promises, still running: `left` more minor releases after this one. */
  | { kind: 'running'; until: string; left: number }
  /** The promised releases have passed: the current release is beyond `until`. */
  | { kind: 'ended'; until: string }
  /** Nothing countable (no number of releases, or no since-release, or no current release). */
  | { kind: 'uncounted' };

export interface FeatureGuarantee {
  feature: Feature;
  since?: string;
  guarantee: Guarantee;
  standing: GuaranteeStanding;
}

/** Minor releases from `a` to `b` (same major), or undefined when they cannot be counted. */
function minorsBetween(a: string, b: string): number | undefined {
  const pa = /^v(\d+)\.(\d+)/.exec(a);
  const pb = /^v(\d+)\.(\d+)/.exec(b);
  if (!pa || !pb || pa[1] !== pb[1]) return undefined;
  return Number(pb[2]) - Number(pa[2]);
}

function standingOf(guarantee: Guarantee, current: string | undefined): GuaranteeStanding {
  if (guarantee.kind !== 'through' || !current) return { kind: 'uncounted' };
  if (compareReleases(current, guarantee.until) > 0) return { kind: 'ended', until: guarantee.until };
  const left = minorsBetween(current, guarantee.until);
  return { kind: 'running', until: guarantee.until, left: left ?? 0 };
}

/** One feature's guarantee as of the registry's current release, from its history and its state's policy. */
export function featureGuarantee(feature: Feature, registry: Registry): FeatureGuarantee {
  const since = currentSince(feature);
  const guarantee = guaranteeFor(feature, registry, since);
  return {
    feature,
    ...(since ? { since } : {}),
    guarantee,
    standing: standingOf(guarantee, registry.current_release),
  };
}

const ORDER: Readonly<Record<GuaranteeStanding['kind'], number>> = { ended: 0, running: 1, uncounted: 2 };

/**
 * Every feature's guarantee as of the current release, soonest to end first: those already ended, then
 * running ones by the release they run to, then those with nothing to count (by name). Pure.
 */
export function guaranteesAsOf(registry: Registry): FeatureGuarantee[] {
  return registry.features
    .map((f) => featureGuarantee(f, registry))
    .sort((a, b) => {
      const byKind = ORDER[a.standing.kind] - ORDER[b.standing.kind];
      if (byKind !== 0) return byKind;
      if (a.standing.kind !== 'uncounted' && b.standing.kind !== 'uncounted') {
        const byUntil = compareReleases(a.standing.until, b.standing.until);
        if (byUntil !== 0) return byUntil;
      }
      return a.feature.name.localeCompare(b.feature.name);
    });
}

/**
 * Features whose guarantee ended between two registries: in the same state in both, running in `before` and
 * ended in `after` (its current release moved past the promised ones). A feature that was added or changed
 * state is announced as that change instead. Computed from the policy's numbers and each feature's history,
 * never per feature. Pure.
 */
export function guaranteesEnded(before: Registry, after: Registry): FeatureGuarantee[] {
  const was = new Map(before.features.map((f) => [f.id, f]));
  return after.features
    .map((f) => featureGuarantee(f, after))
    .filter((g) => {
      if (g.standing.kind !== 'ended') return false;
      const old = was.get(g.feature.id);
      if (!old || old.state !== g.feature.state) return false;
      return featureGuarantee(old, before).standing.kind === 'running';
    });
}
