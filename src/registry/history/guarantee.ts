import type { Feature, Registry } from '../schema.js';
import { addMinors } from './releases.js';

const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** The promises a deprecation policy makes besides a number of releases, in the words we show them. */
function notices(policy: string): string[] {
  const promises: string[] = [];
  if (/advance(d)? notice/i.test(policy)) promises.push('advance notice before deprecation');
  if (/upgrade path/i.test(policy)) promises.push('an upgrade path to alternatives');
  return promises;
}

/**
 * What the state's deprecation policy guarantees for this feature, worked out from the policy text and the
 * release the feature entered its state in. Beta's "at least 2 minor releases" from v1.1 → "through at least
 * v1.3"; without a since-release, the generic "for at least 2 minor releases after it became Beta". Only
 * what the policy says is promised; a policy with nothing computable is returned as written. Pure.
 */
export function guaranteeFor(feature: Feature, registry: Registry, since: string | undefined): string {
  const policy = registry.states[feature.state].deprecation_policy;
  const promises = notices(policy);
  const minors = /at least (\d+|one|two|three|four|five|six) minor releases?/i.exec(policy);
  if (minors?.[1]) {
    const n = Number(minors[1]) || NUMBER_WORDS[minors[1].toLowerCase()] || 0;
    const also = promises.length > 0 ? `; ${promises.join(' and ')}` : '';
    const plural = n === 1 ? 'release' : 'releases';
    if (since) {
      return `Supported through at least ${addMinors(since, n)} (${feature.state} since ${since}, plus ${n} minor ${plural})${also}.`;
    }
    return `Supported for at least ${n} minor ${plural} after it became ${feature.state}${also}.`;
  }
  if (/^none\b/i.test(policy.trim())) return 'No guarantee: it can be deprecated at any time.';
  if (promises.length > 0) {
    // Say "several subsequent releases" only when the policy does: the guarantee must not promise more.
    const several = /several subsequent releases/i.test(policy)
      ? '; supported for several subsequent releases'
      : '';
    return `Guaranteed ${promises.join(' and ')}${several}.`;
  }
  return policy;
}
