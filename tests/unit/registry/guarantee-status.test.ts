import { describe, expect, it } from 'vitest';
import { diffRegistries } from '../../../src/registry/history/diff.js';
import { guaranteesAsOf, guaranteesEnded } from '../../../src/registry/history/guarantee-status.js';
import type { Registry } from '../../../src/registry/schema.js';
import { realRegistry } from '../../harness/registry-fixtures.js';

/** The registry with its current release moved on (and listed), nothing else changed. */
function advanced(registry: Registry, release: string): Registry {
  const copy = structuredClone(registry);
  copy.current_release = release;
  copy.releases = [...(copy.releases ?? []), { name: release }];
  return copy;
}

describe('guarantees from the data', () => {
  const today = realRegistry();

  it('lists every feature, ended first, then running ones by the release they run to', () => {
    const list = guaranteesAsOf(advanced(today, 'v1.3'));
    expect(list).toHaveLength(today.features.length);
    const rank = { ended: 0, running: 1, uncounted: 2 } as const;
    const ranks = list.map((g) => rank[g.standing.kind]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(0);
    const vault = list.find((g) => g.feature.id === 'certificate-provider-vault');
    expect(vault?.standing).toEqual({ kind: 'ended', until: 'v1.2' });
    expect(
      guaranteesAsOf(today).find((g) => g.feature.id === 'certificate-provider-vault')?.standing,
    ).toEqual({
      kind: 'running',
      until: 'v1.2',
      left: 0,
    });
  });

  it('a Beta feature’s guarantee ends once the current release passes its promised minor releases', () => {
    const ended = guaranteesEnded(today, advanced(today, 'v1.3'));
    expect(ended.length).toBeGreaterThan(0);
    expect(ended.every((g) => g.feature.state === 'Beta' && g.since === 'v1.0')).toBe(true);
    expect(guaranteesEnded(today, today)).toEqual([]);
    // Already ended before: not again.
    expect(
      guaranteesEnded(advanced(today, 'v1.3'), advanced(today, 'v1.4')).map((g) => g.since),
    ).not.toContain('v1.0');
  });

  it('reads the number from the policy text: a policy promising 3 releases moves the end', () => {
    const longer = structuredClone(today);
    longer.states.Beta.deprecation_policy = 'Feature will be supported for at least three minor releases.';
    expect(guaranteesEnded(longer, advanced(longer, 'v1.3'))).toEqual([]);
    expect(guaranteesEnded(longer, advanced(longer, 'v1.4')).length).toBeGreaterThan(0);
  });

  it('is a change of its own in a diff, with what the policy says happens next', () => {
    const changes = diffRegistries(today, advanced(today, 'v1.3')).filter(
      (c) => c.kind === 'guarantee-ended',
    );
    expect(changes[0]).toMatchObject({
      kind: 'guarantee-ended',
      state: 'Beta',
      since: 'v1.0',
      until: 'v1.2',
      release: 'v1.3',
      policy: today.states.Beta.deprecation_policy,
    });
  });
});
