import { beforeAll, describe, expect, it } from 'vitest';
import type { Intent } from '../../../src/intents/intent.js';
import { parseIntent } from '../../../src/intents/parse.js';
import { findFeature } from '../../../src/registry/query/match.js';
import type { Registry } from '../../../src/registry/schema.js';
import { loadRegistryFile } from '../../../src/sources/read-registry.js';
import { askSlack } from '../../harness/answers.js';

let registry: Registry;
beforeAll(async () => {
  const loaded = await loadRegistryFile('tests/fixtures/registry/osm.yml');
  if (!loaded.ok) throw new Error('the registry fixture does not load');
  registry = loaded.registry;
});

/** Phrasing → what it must mean. Feature intents name the feature id the query must resolve to. */
const TABLE: [string, Intent | { feature: string; release?: string }][] = [
  ['', { kind: 'help' }],
  ['help', { kind: 'help' }],
  ['HELP', { kind: 'help' }],
  ['usage', { kind: 'help' }],
  ['what can you do? help', { kind: 'help' }],
  ['hi', { kind: 'greeting' }],
  ['hello there', { kind: 'greeting' }],
  ['thanks!', { kind: 'greeting', thanks: true }],
  ['multicluster', { feature: 'multicluster' }],
  ['Multicluster', { feature: 'multicluster' }],
  ['multi-cluster', { feature: 'multicluster' }],
  ['multicluser', { feature: 'multicluster' }],
  ['jaegar', { feature: 'distributed-tracing' }],
  ['jaeger', { feature: 'distributed-tracing' }],
  ['cert manager', { feature: 'certificate-provider-cert-manager' }],
  ['cert-manager', { feature: 'certificate-provider-cert-manager' }],
  ['hashicorp vault', { feature: 'certificate-provider-vault' }],
  ['vault', { feature: 'certificate-provider-vault' }],
  ['mtls', { feature: 'automatic-mtls' }],
  ['contour', { feature: 'ingress-gateway-contour' }],
  ['grpc', { feature: 'application-protocols' }],
  ['tresor', { feature: 'certificate-provider-tresor' }],
  ['flagger', { feature: 'flagger-progressive-delivery' }],
  ['dapr', { feature: 'dapr-integration' }],
  ['upgrade', { feature: 'control-plane-upgrade' }],
  ['circuit breaking', { feature: 'circuit-breaking' }],
  ['is multicluster production ready?', { feature: 'multicluster' }],
  ['tell me about vault', { feature: 'certificate-provider-vault' }],
  ['what about flagger?', { feature: 'flagger-progressive-delivery' }],
  ['can I use dapr in production?', { feature: 'dapr-integration' }],
  ['is vault stable?', { feature: 'certificate-provider-vault' }],
  ['status of the prometheus integration', { feature: 'prometheus-integration' }],
  ['which features are stable?', { kind: 'state', state: 'Stable' }],
  ["what's in beta?", { kind: 'state', state: 'Beta' }],
  ['what features are alpha', { kind: 'state', state: 'Alpha' }],
  ['stable', { kind: 'state', state: 'Stable' }],
  ['BETA', { kind: 'state', state: 'Beta' }],
  ['stabel', { kind: 'state', state: 'Stable' }],
  ['which features are stabel?', { kind: 'state', state: 'Stable' }],
  ['mutlicluster', { feature: 'multicluster' }],
  ['jager', { feature: 'distributed-tracing' }],
  ['list alpha features', { kind: 'state', state: 'Alpha' }],
  ['list', { kind: 'list' }],
  ['all', { kind: 'list' }],
  ['show me everything', { kind: 'list' }],
  ['list all features', { kind: 'list' }],
  ['category security', { kind: 'category', query: 'security' }],
  ['list the security features', { kind: 'category', query: 'security' }],
  ['observability', { kind: 'category', query: 'observability' }],
  ['traffic management', { kind: 'category', query: 'traffic management' }],
  ['policy beta', { kind: 'policy', state: 'Beta' }],
  ['what does alpha mean?', { kind: 'policy', state: 'Alpha' }],
  ['what does beta promise', { kind: 'policy', state: 'Beta' }],
  ['stable deprecation policy', { kind: 'policy', state: 'Stable', aspect: 'deprecation_policy' }],
  ['states', { kind: 'states' }],
  ['policy gamma', { kind: 'states', unknownState: 'gamma' }],
  ['explain the lifecycle states', { kind: 'states' }],
  ['what is the difference between alpha and beta?', { kind: 'states' }],
  ['multicluster@v1.0', { feature: 'multicluster', release: 'v1.0' }],
  ['what was the state of circuit breaking in v1.0?', { feature: 'circuit-breaking', release: 'v1.0' }],
  ['stable in v1.0', { kind: 'state', state: 'Stable', release: 'v1.0' }],
  ['releases', { kind: 'releases' }],
  ['changes', { kind: 'changes' }],
  ['changes v1.0..v1.2', { kind: 'changes', from: 'v1.0', to: 'v1.2' }],
  ['what changed?', { kind: 'changes' }],
  ['history circuit-breaking', { kind: 'history', query: 'circuit-breaking' }],
  ['subscribe', { kind: 'subscribe', filter: { kind: 'all' } }],
  ['subscribe multicluster', { kind: 'subscribe', filter: { kind: 'feature', query: 'multicluster' } }],
  ['subscribe category security', { kind: 'subscribe', filter: { kind: 'category', query: 'security' } }],
  ['subscribe stable', { kind: 'subscribe', filter: { kind: 'state', state: 'Stable' } }],
  ['subscribe promotions', { kind: 'subscribe', filter: { kind: 'promotions' } }],
  ['subscribe removals', { kind: 'subscribe', filter: { kind: 'removals' } }],
  ['unsubscribe', { kind: 'unsubscribe' }],
  ['unsubscribe stable', { kind: 'unsubscribe', filter: { kind: 'state', state: 'Stable' } }],
  ['subscriptions', { kind: 'subscriptions' }],
  ['<@UBOT> which features are stable?', { kind: 'state', state: 'Stable' }],
  ['<!channel>', { kind: 'help' }],
  ['&lt;!here&gt; help', { kind: 'help' }],
];

describe('parseIntent', () => {
  it('covers at least 40 phrasings', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(TABLE)('%j', (text, expected) => {
    const intent = parseIntent(text, registry);
    if ('feature' in expected) {
      expect(intent.kind).toBe('feature');
      if (intent.kind !== 'feature') return;
      expect(intent.release).toBe(expected.release);
      const match = findFeature(registry, intent.query);
      expect(match.kind === 'found' ? match.feature.id : match).toBe(expected.feature);
    } else {
      expect(intent).toEqual(expected);
    }
  });

  it('never throws and always returns an intent for hostile text', () => {
    const hostile = [
      '\u0000\u0007',
      'a'.repeat(10_000),
      '‮evil',
      '🚀🚀',
      '\u200b\u200b',
      '<https://evil|click>',
      '{"json":true}',
    ];
    for (const text of hostile) expect(parseIntent(text, registry).kind).toBeTypeOf('string');
  });
});

describe('plain-English questions people really ask', () => {
  it.each([
    ['what happened to multicluster', 'multicluster'],
    ['how long will vault be supported', 'certificate-provider-vault'],
    ['is circuit breaking available in v1.0', 'circuit-breaking'],
    ['command line', 'osm-cli'],
  ])('%s → a feature card for %s', (text, id) => {
    const intent = parseIntent(text, registry);
    expect(intent.kind).toBe('feature');
    const answer = askSlack(text, registry);
    expect(answer?.text ?? '').toMatch(
      new RegExp(registry.features.find((f) => f.id === id)?.name.slice(0, 12) ?? 'x'),
    );
  });

  it.each([
    ['beta features in security', { kind: 'category', query: 'security', state: 'Beta' }],
    ['which security features are beta', { kind: 'category', query: 'security', state: 'Beta' }],
    ["what's stable in observability", { kind: 'category', query: 'observability', state: 'Stable' }],
    ['which features can i use in production', { kind: 'state', state: 'Stable' }],
    ['production ready features', { kind: 'state', state: 'Stable' }],
    ['how many features are stable', { kind: 'count', of: { kind: 'state', state: 'Stable' } }],
    ['obsrvability', { kind: 'category', query: 'obsrvability' }],
    ['v1.1', { kind: 'list', release: 'v1.1' }],
    ['latest release', { kind: 'releases' }],
    ['current version', { kind: 'releases' }],
    ['what changed between v1.0 and v1.1', { kind: 'changes', from: 'v1.0', to: 'v1.1' }],
    ["what's deprecated", { kind: 'aspect', aspect: 'deprecation_policy' }],
  ])('%s', (text, expected) => {
    expect(parseIntent(text, registry)).toEqual(expected);
  });

  it('answers two features named at once, each of them', () => {
    const answer = askSlack('prometheus and grafana', registry);
    expect(answer?.text).toContain('Prometheus integration: Stable');
    expect(answer?.text).toContain('Grafana integration: Stable');
  });
});

describe('second acceptance pass phrasings', () => {
  it.each([
    ['subscribe me to vault', { kind: 'subscribe', filter: { kind: 'feature', query: 'vault' } }],
    ['unsubscribe me from vault', { kind: 'unsubscribe', filter: { kind: 'feature', query: 'vault' } }],
    ['subscribe to promotions', { kind: 'subscribe', filter: { kind: 'promotions' } }],
    ['notify me about dapr changes', { kind: 'subscribe', filter: { kind: 'feature', query: 'dapr' } }],
    ['what am I subscribed to', { kind: 'subscriptions' }],
    ['stop notifications', { kind: 'unsubscribe' }],
    ['what does alpha promise about docs', { kind: 'policy', state: 'Alpha', aspect: 'documentation' }],
    ['is beta backward compatible', { kind: 'policy', state: 'Beta', aspect: 'support' }],
    ['can alpha features be removed', { kind: 'policy', state: 'Alpha', aspect: 'deprecation_policy' }],
    ['is alpha enabled by default', { kind: 'policy', state: 'Alpha', aspect: 'stability' }],
    ['compare states', { kind: 'states' }],
    ['v1.0 vs v1.2', { kind: 'changes', from: 'v1.0', to: 'v1.2' }],
    ['changes v1.2..v1.0', { kind: 'changes', from: 'v1.0', to: 'v1.2' }],
    ['when did circuit breaking arrive', { kind: 'history', query: 'circuit breaking' }],
    ['when was multicluster removed', { kind: 'history', query: 'multicluster' }],
    ['thanks a lot', { kind: 'greeting', thanks: true }],
    ['good morning', { kind: 'greeting' }],
    ['who are you', { kind: 'help' }],
    ['what can you do', { kind: 'help' }],
    ["what's not stable yet", { kind: 'state', state: 'Stable', negate: true }],
    ['full list', { kind: 'list' }],
    ['list categories', { kind: 'categories' }],
    ['what categories are there', { kind: 'categories' }],
  ])('%s', (text, expected) => {
    expect(parseIntent(text, registry)).toEqual(expected);
  });

  it('does not take "retries" for the metrics category', () => {
    expect(parseIntent('retries', registry).kind).toBe('feature');
    const answer = askSlack('retries', registry);
    expect(answer?.text).toContain('I don');
  });
});
