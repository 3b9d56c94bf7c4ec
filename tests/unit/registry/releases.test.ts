import { assertWithinSlackLimits } from '@osm-feature-bot/slack-standin';
import type { KnownBlock } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, isQuestion } from '../../../src/intents/answer.js';
import { parseIntent } from '../../../src/intents/parse.js';
import { diffRegistries } from '../../../src/registry/diff.js';
import { guaranteeFor } from '../../../src/registry/guarantee.js';
import { loadRegistryFile } from '../../../src/registry/load.js';
import { checkRegistrySemantics } from '../../../src/registry/load-checks.js';
import { addMinors, compareReleases, registryAt, stateAt } from '../../../src/registry/releases.js';
import { type Feature, type Registry, RegistrySchema } from '../../../src/registry/schema.js';
import { renderChanges, renderHistory, renderReleases } from '../../../src/render/releases.js';
import { syntheticRegistry } from '../../harness/synthetic-registry.js';

let registry: Registry;
beforeAll(async () => {
  const loaded = await loadRegistryFile('data/features.yml');
  if (!loaded.ok) throw new Error('data/features.yml does not load');
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
const textOf = (blocks: KnownBlock[]): string => JSON.stringify(blocks);

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
    expect(guaranteeFor(feature(id), registry, since)).toContain(expected);
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
    expect(guaranteeFor(beta(), policy(text), since)).toBe(expected);
  });
});

describe('release renderers', () => {
  it('renderHistory: added as, then became; a feature without history says so', () => {
    const text = textOf(renderHistory(promoted(), registry).blocks);
    expect(text).toContain('*v1.0*: added as :test_tube: Alpha');
    expect(text).toContain('*v1.2*: became :large_blue_diamond: Beta');
    expect(text).toContain('Promoted.');
    const { history: _history, ...noHistory } = feature('osm-cli');
    expect(textOf(renderHistory(noHistory, registry).blocks)).toContain('No release history recorded');
  });

  it('renderReleases: newest first, the current one marked; none recorded', () => {
    const message = renderReleases(registry);
    expect(message.text).toBe('Known OSM releases: v1.2, v1.1, v1.0');
    expect(textOf(message.blocks)).toContain('*v1.2* _(current)_');
    const { releases: _r, current_release: _c, ...bare } = registry;
    expect(renderReleases(bare).text).toBe('This registry records no releases.');
  });

  it('renderChanges: one line per change, or "no feature changed"', () => {
    const before = registryAt(registry, 'v1.0');
    const after = registryAt(registry, 'v1.1');
    if (!before.ok || !after.ok) throw new Error('views');
    const message = renderChanges(diffRegistries(before.registry, after.registry), 'v1.0', 'v1.1', registry);
    expect(message.text).toBe('Changes v1.0 → v1.1: Circuit breaking: added as Alpha');
    expect(renderChanges([], 'v1.1', 'v1.2', registry).text).toBe(
      'No feature changed between v1.1 and v1.2.',
    );
  });

  it('renderChanges: a huge change set stays within Slack limits and counts what it leaves out', () => {
    const big = syntheticRegistry(registry, 300);
    const message = renderChanges(diffRegistries({ ...big, features: [] }, big), 'v1.0', 'v1.1', big);
    assertWithinSlackLimits(message);
    expect(textOf(message.blocks)).toMatch(/…and \d+ more changes not shown/);
    expect(message.text.length).toBeLessThanOrEqual(3000);
  });
});

describe('release questions through the engine', () => {
  const ask = (text: string) => {
    const intent = parseIntent(text, registry);
    if (!isQuestion(intent)) throw new Error(text);
    return answerQuestion(intent, registry);
  };
  it.each([
    ['changes v1.0..v1.1', 'Circuit breaking: added as Alpha'],
    ['circuit breaking in v1.0', 'did not exist yet in v1.0: it was added in v1.1'],
    ['stable in v1.0', 'Stable features in v1.0 (21)'],
    ['alpha in v1.1', 'Alpha features in v1.1 (4)'],
    ['multicluster@v9.9', 'I have no record of release v9.9'],
  ])('%s → %s', (question, expected) => {
    const message = ask(question);
    expect(`${message.text} ${textOf(message.blocks)}`).toContain(expected);
  });
});
