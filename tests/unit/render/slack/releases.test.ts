import { assertWithinSlackLimits } from '@osm-feature-bot/slack-standin';
import type { KnownBlock } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffRegistries } from '../../../../src/registry/history/diff.js';
import { registryAt } from '../../../../src/registry/history/releases.js';
import type { Feature, Registry } from '../../../../src/registry/schema.js';
import { loadRegistryFile } from '../../../../src/sources/read-registry.js';
import { askSlack, changesMessage, historyMessage } from '../../../harness/answers.js';
import { syntheticRegistry } from '../../../harness/synthetic-registry.js';

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
const textOf = (blocks: KnownBlock[]): string => JSON.stringify(blocks);

describe('release renderers', () => {
  it('renderHistory: added as, then became; a feature without history says so', () => {
    const text = textOf(historyMessage(promoted(), registry).blocks);
    expect(text).toContain('*v1.0*: added as :test_tube: Alpha');
    expect(text).toContain('*v1.2*: became :large_blue_diamond: Beta');
    expect(text).toContain('Promoted.');
    const { history: _history, ...noHistory } = feature('osm-cli');
    expect(textOf(historyMessage(noHistory, registry).blocks)).toContain('No release history recorded');
  });

  it('renderReleases: newest first, the current one marked; none recorded', () => {
    const message = askSlack('releases', registry);
    expect(message.text).toBe('Known OSM releases: v1.2, v1.1, v1.0');
    expect(textOf(message.blocks)).toContain('*v1.2* _(current)_');
    const { releases: _r, current_release: _c, ...bare } = registry;
    expect(askSlack('releases', bare).text).toBe('This registry records no releases.');
  });

  it('renderChanges: one line per change, or "no feature changed"', () => {
    const before = registryAt(registry, 'v1.0');
    const after = registryAt(registry, 'v1.1');
    if (!before.ok || !after.ok) throw new Error('views');
    const message = changesMessage(diffRegistries(before.registry, after.registry), 'v1.0', 'v1.1', registry);
    expect(message.text).toBe('Changes v1.0 → v1.1: Circuit breaking: added as Alpha');
    expect(changesMessage([], 'v1.1', 'v1.2', registry).text).toBe(
      'No feature changed between v1.1 and v1.2.',
    );
  });

  it('renderChanges: a huge change set stays within Slack limits and counts what it leaves out', () => {
    const big = syntheticRegistry(registry, 300);
    const message = changesMessage(diffRegistries({ ...big, features: [] }, big), 'v1.0', 'v1.1', big);
    assertWithinSlackLimits(message);
    expect(textOf(message.blocks)).toMatch(/…and \d+ more changes not shown/);
    expect(message.text.length).toBeLessThanOrEqual(3000);
  });
});
