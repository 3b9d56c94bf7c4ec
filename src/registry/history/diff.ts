import {
  type Feature,
  POLICY_FIELDS,
  type PolicyField,
  type Registry,
  STATE_NAMES,
  type StateName,
  stateRank,
} from '../schema.js';
import type { PolicyPromise } from './guarantee.js';
import { guaranteesEnded } from './guarantee-status.js';

export type Change =
  | { kind: 'added'; feature: Feature }
  | { kind: 'removed'; feature: Feature; policyBefore: string }
  | { kind: 'state'; feature: Feature; from: StateName; to: StateName; direction: 'promoted' | 'demoted' }
  | { kind: 'renamed'; feature: Feature; from: string; to: string }
  | { kind: 'moved'; feature: Feature; fromCategory: string; toCategory: string }
  | {
      kind: 'policy';
      state: StateName;
      field: PolicyField;
      before: string;
      after: string;
      affected: Feature[];
    }
  /**
   * The registry's current release moved past the releases a feature's state policy promised it: in
   * `state` since `since`, supported through at least `until`, and the registry now describes `release`.
   */
  | {
      kind: 'guarantee-ended';
      feature: Feature;
      state: StateName;
      since: string;
      until: string;
      release: string;
      /** The state's deprecation policy: what it says happens next. */
      policy: string;
      promises: PolicyPromise[];
    };

export type ChangeKind = Change['kind'];

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Typed differences between two registries. Order, whitespace and comments are not changes: features are
 * compared by id, and texts with spacing folded. Pure.
 */
export function diffRegistries(before: Registry, after: Registry): Change[] {
  const changes: Change[] = [];
  for (const state of STATE_NAMES) {
    for (const field of POLICY_FIELDS) {
      const a = squash(before.states[state][field]);
      const b = squash(after.states[state][field]);
      if (a !== b) {
        const affected = after.features.filter((f) => f.state === state);
        changes.push({ kind: 'policy', state, field, before: a, after: b, affected });
      }
    }
  }
  const beforeById = new Map(before.features.map((f) => [f.id, f]));
  const afterIds = new Set<string>();
  const categoryName = (r: Registry, id: string): string => r.categories.find((c) => c.id === id)?.name ?? id;
  for (const feature of after.features) {
    afterIds.add(feature.id);
    const old = beforeById.get(feature.id);
    if (!old) {
      changes.push({ kind: 'added', feature });
      continue;
    }
    if (old.state !== feature.state) {
      const direction = stateRank(feature.state) > stateRank(old.state) ? 'promoted' : 'demoted';
      changes.push({ kind: 'state', feature, from: old.state, to: feature.state, direction });
    }
    if (squash(old.name) !== squash(feature.name))
      changes.push({ kind: 'renamed', feature, from: old.name, to: feature.name });
    if (old.category !== feature.category) {
      changes.push({
        kind: 'moved',
        feature,
        fromCategory: categoryName(before, old.category),
        toCategory: categoryName(after, feature.category),
      });
    }
  }
  for (const feature of before.features) {
    if (!afterIds.has(feature.id)) {
      changes.push({
        kind: 'removed',
        feature,
        policyBefore: before.states[feature.state].deprecation_policy,
      });
    }
  }
  for (const { feature, guarantee } of guaranteesEnded(before, after)) {
    if (guarantee.kind !== 'through' || !after.current_release) continue;
    changes.push({
      kind: 'guarantee-ended',
      feature,
      state: feature.state,
      since: guarantee.since,
      until: guarantee.until,
      release: after.current_release,
      policy: after.states[feature.state].deprecation_policy,
      promises: guarantee.promises,
    });
  }
  return changes;
}

/** The features a change is about (a policy change is about every feature in that state). */
export function featuresOf(change: Change): Feature[] {
  return change.kind === 'policy' ? change.affected : [change.feature];
}
