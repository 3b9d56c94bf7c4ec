import { beforeAll, describe, expect, it } from 'vitest';
import { guaranteeFor } from '../../../../src/registry/history/guarantee.js';
import {
  addMinors,
  compareReleases,
  registryAt,
  stateAt,
} from '../../../../src/registry/history/releases.js';
import { checkRegistrySemantics } from '../../../../src/registry/load-checks.js';
import { type Feature, type Registry, RegistrySchema } from '../../../../src/registry/schema.js';
import { guaranteeText } from '../../../../src/render/phrases/guarantee.js';
import { loadRegistryFile } from '../../../../src/sources/read-registry.js';

let registry: Registry;
beforeAll(async () => {
  const loaded = await loadRegistryFile('tests/fixtures/registry/osm.yml');
  if (!loaded.ok) throw new Error('the registry fixture does not load');
  registry = loaded.registry;
});

const feature = (id: string): Feature => {
  const found = registry.features.find((f) => f.id === id);
  if (!found) throw new Error(`no feature ${id}`);
  return found;
};
/** A feature that was Alpha in v1.0 and became Beta in v1.2. */
const promoted = (): Feature => ({
  ...feature('multicluster'),
  state: 'Beta',
  history: [
    { state: 'Alpha', since: 'v1.0' },
    { state: 'Beta', since: 'v1.2' },
  ],
  notes: [{ release: 'v1.2', text: 'Promoted.' }],
});

describe('release arithmetic', () => {
  it.each([
    ['v1.1', 2, 'v1.3'],
    ['v1.2', 2, 'v1.4'],
    ['v1.9', 2, 'v1.11'],
    ['v1.2.3', 1, 'v1.3'],
    ['main', 2, 'main'],
  ])('%s + %i minors = %s', (release, minors, expected) => {
    expect(addMinors(release, minors)).toBe(expected);
  });

  it.each([
    ['v1.10', 'v1.9', 1],
    ['v1.0', 'v1.0.0', 0],
    ['1.1', 'v1.1', 0],
    ['v2.0', 'v1.12', 1],
    ['main', 'v9.9', 1],
  ])('compareReleases(%s, %s) has the sign of %i', (a, b, sign) => {
    expect(Math.sign(compareReleases(a, b))).toBe(sign);
  });
});

describe('stateAt', () => {
  it.each([
    ['v1.0', { kind: 'state', state: 'Alpha', since: 'v1.0' }],
    ['v1.1', { kind: 'state', state: 'Alpha', since: 'v1.0' }],
    ['v1.2', { kind: 'state', state: 'Beta', since: 'v1.2' }],
    ['v1.2.4', { kind: 'state', state: 'Beta', since: 'v1.2' }],
    ['v0.11', { kind: 'not-yet', firstRelease: 'v1.0' }],
  ])('a feature Alpha in v1.0 and Beta in v1.2, at %s', (release, expected) => {
    expect(stateAt(promoted(), release)).toEqual(expected);
  });

  it('says "not yet" for Circuit breaking in v1.0, and "unknown" without history', () => {
    expect(stateAt(feature('circuit-breaking'), 'v1.0')).toEqual({ kind: 'not-yet', firstRelease: 'v1.1' });
    const { history: _history, ...noHistory } = feature('osm-cli');
    expect(stateAt(noHistory, 'v1.0')).toEqual({ kind: 'unknown' });
  });
});

describe('registryAt', () => {
  it.each([
    ['v1.0', 29, false],
    ['v1.1', 30, true],
    ['v1.2', 30, true],
    ['1.1', 30, true],
  ])('%s has %i features (circuit breaking: %s)', (release, count, hasCircuitBreaking) => {
    const view = registryAt(registry, release);
    if (!view.ok) throw new Error(`no view for ${release}`);
    expect(view.registry.features).toHaveLength(count);
    expect(view.registry.features.some((f) => f.id === 'circuit-breaking')).toBe(hasCircuitBreaking);
    expect(view.registry.current_release).toBe(view.release);
  });

  it('refuses a release it does not know and lists the known ones', () => {
    expect(registryAt(registry, 'v1.3')).toEqual({ ok: false, known: ['v1.0', 'v1.1', 'v1.2'] });
  });

  it('is itself a valid registry: the state then, history and notes cut at the release', () => {
    const withPromotion = {
      ...registry,
      features: registry.features.map((f) => (f.id === 'multicluster' ? promoted() : f)),
    };
    for (const release of ['v1.0', 'v1.1', 'v1.2']) {
      const view = registryAt(withPromotion, release);
      if (!view.ok) throw new Error(release);
      expect(RegistrySchema.safeParse(view.registry).success).toBe(true);
      expect(checkRegistrySemantics(view.registry)).toEqual([]);
    }
    const old = registryAt(withPromotion, 'v1.1');
    expect(old.ok && old.registry.features.find((f) => f.id === 'multicluster')).toMatchObject({
      state: 'Alpha',
      history: [{ state: 'Alpha', since: 'v1.0' }],
    });
    expect(old.ok && old.registry.features.find((f) => f.id === 'multicluster')?.notes).toBeUndefined();
  });
});

describe('guaranteeFor', () => {
  const policy = (deprecation_policy: string): Registry => ({
    ...registry,
    states: { ...registry.states, Beta: { ...registry.states.Beta, deprecation_policy } },
  });
  const beta = (): Feature => ({ ...feature('certificate-provider-vault'), state: 'Beta' });

  it.each([
    [
      'Beta since v1.1',
      'certificate-provider-vault',
      'v1.1',
      'Supported through at least v1.3 (Beta since v1.1, plus 2 minor releases)',
    ],
    ['Beta since v1.2', 'certificate-provider-vault', 'v1.2', 'Supported through at least v1.4'],
    [
      'Beta, no history',
      'certificate-provider-vault',
      undefined,
      'Supported for at least 2 minor releases after it became Beta',
    ],
    ['Beta, advance notice', 'certificate-provider-vault', 'v1.0', '; advance notice before deprecation.'],
    ['Alpha', 'multicluster', 'v1.0', 'No guarantee: it can be deprecated at any time.'],
    [
      'Stable',
      'osm-cli',
      'v1.0',
      'Guaranteed advance notice before deprecation and an upgrade path to alternatives; supported for several subsequent releases.',
    ],
  ])('%s', (_name, id, since, expected) => {
    expect(guaranteeText(guaranteeFor(feature(id), registry, since))).toContain(expected);
  });

  it.each([
    [
      'at least one minor release',
      'v1.1',
      'Supported through at least v1.2 (Beta since v1.1, plus 1 minor release).',
    ],
    ['Deprecated only with advance notice.', 'v1.1', 'Guaranteed advance notice before deprecation.'],
    ['Ask the maintainers.', 'v1.1', 'Ask the maintainers.'],
  ])('a policy saying "%s" promises only that', (text, since, expected) => {
    expect(guaranteeText(guaranteeFor(beta(), policy(text), since))).toBe(expected);
  });
});
