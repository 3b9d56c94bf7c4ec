import { addMinors } from './releases.js';
import type { Feature, Registry } from './schema.js';

const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/**
 * What the state's deprecation policy guarantees for this feature, worked out from the policy text and the
 * release the feature entered its state in. Beta's "at least 2 minor releases" from v1.1 → "through at least
 * v1.3". Pure; returns undefined when the policy promises nothing computable.
 */
export function guaranteeFor(feature: Feature, registry: Registry, since: string | undefined): string {
  const policy = registry.states[feature.state].deprecation_policy;
  const minors = /at least (\d+|one|two|three|four|five|six) minor releases?/i.exec(policy);
  if (minors?.[1]) {
    const n = Number(minors[1]) || NUMBER_WORDS[minors[1].toLowerCase()] || 0;
    if (since)
      return `Supported through at least ${addMinors(since, n)} (${feature.state} since ${since}, plus ${n} minor releases).`;
    return `Supported for at least ${n} minor releases after it became ${feature.state}.`;
  }
  if (/^none\b/i.test(policy.trim())) return 'No guarantee: it can be deprecated at any time.';
  const promises: string[] = [];
  if (/advance(d)? notice/i.test(policy)) promises.push('advance notice before deprecation');
  if (/upgrade path/i.test(policy)) promises.push('an upgrade path to alternatives');
  if (promises.length > 0)
    return `Guaranteed ${promises.join(' and ')}; supported for several subsequent releases.`;
  return policy;
}
