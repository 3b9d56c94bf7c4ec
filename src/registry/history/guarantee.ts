import type { Feature, Registry, StateName } from '../schema.js';
import { addMinors } from './releases.js';

const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** A promise a deprecation policy makes besides a number of releases. */
export type PolicyPromise = 'advance-notice' | 'upgrade-path';

/**
 * What a state's deprecation policy guarantees one feature, as data:
 * - `through`: supported through at least `until` (entered `state` in `since`, plus `minors` minor releases)
 * - `minors`: supported for at least `minors` minor releases after entering `state` (no since-release known)
 * - `none`: no guarantee (the policy says "None")
 * - `promises`: only promises such as advance notice; `several` when the policy says "several subsequent releases"
 * - `as-written`: nothing computable; the policy's own words
 */
export type Guarantee =
  | {
      kind: 'through';
      state: StateName;
      since: string;
      minors: number;
      until: string;
      promises: PolicyPromise[];
    }
  | { kind: 'minors'; state: StateName; minors: number; promises: PolicyPromise[] }
  | { kind: 'none' }
  | { kind: 'promises'; promises: PolicyPromise[]; several: boolean }
  | { kind: 'as-written'; text: string };

function promisesOf(policy: string): PolicyPromise[] {
  const promises: PolicyPromise[] = [];
  if (/advance(d)? notice/i.test(policy)) promises.push('advance-notice');
  if (/upgrade path/i.test(policy)) promises.push('upgrade-path');
  return promises;
}

/** "at least 2 minor releases" (digits or a number word up to six) in a policy text, if it says so. */
export function minorReleasesPromised(policy: string): number | undefined {
  const minors = /at least (\d+|one|two|three|four|five|six) minor releases?/i.exec(policy);
  if (!minors?.[1]) return undefined;
  return Number(minors[1]) || NUMBER_WORDS[minors[1].toLowerCase()] || undefined;
}

/**
 * What the state's deprecation policy guarantees for this feature, worked out from the policy text and the
 * release the feature entered its state in: Beta's "at least 2 minor releases" from v1.1 → through at least
 * v1.3. Only what the policy says is promised; a policy with nothing computable is returned as written. Pure.
 */
export function guaranteeFor(feature: Feature, registry: Registry, since: string | undefined): Guarantee {
  const policy = registry.states[feature.state].deprecation_policy;
  const promises = promisesOf(policy);
  const minors = minorReleasesPromised(policy);
  if (minors !== undefined) {
    return since
      ? { kind: 'through', state: feature.state, since, minors, until: addMinors(since, minors), promises }
      : { kind: 'minors', state: feature.state, minors, promises };
  }
  if (/^none\b/i.test(policy.trim())) return { kind: 'none' };
  // Say "several subsequent releases" only when the policy does: the guarantee must not promise more.
  if (promises.length > 0)
    return { kind: 'promises', promises, several: /several subsequent releases/i.test(policy) };
  return { kind: 'as-written', text: policy };
}
