import { describe, expect, it } from 'vitest';
import { formatRegistryError, parseRegistry, RegistryLoadError } from '../../../src/registry/load.js';
import { compactKey, normalizeKey } from '../../../src/registry/normalize.js';

// Lines 1-10; the first feature starts on line 12.
const HEADER = `source: { name: Inline }
current_release: v1.1
releases: [{ name: v1.0 }, { name: v1.1 }]
states:
  Alpha: { definition: a, stability: a, support: a, deprecation_policy: a, documentation: a }
  Beta: { definition: b, stability: b, support: b, deprecation_policy: b, documentation: b }
  Stable: { definition: s, stability: s, support: s, deprecation_policy: s, documentation: s }
categories:
  - { id: core, name: Core }
  - { id: observability, name: Observability }
`;

function errorsOf(text: string): string[] {
  const result = parseRegistry(text, 'inline.yml');
  return result.ok ? [] : result.errors.map(formatRegistryError);
}

describe('parseRegistry cross-checks', () => {
  it('accepts a valid inline registry', () => {
    const result = parseRegistry(`${HEADER}features: []\n`, 'inline.yml');
    expect(result.ok).toBe(true);
  });

  it('checks history order, releases and the last state', () => {
    const text = `${HEADER}features:
  - id: tracing
    name: Tracing
    category: observability
    state: Stable
    history:
      - { state: Beta, since: v1.1 }
      - { state: Alpha, since: v1.0 }
      - { state: Beta, since: v1.3 }
`;
    expect(errorsOf(text)).toEqual([
      'inline.yml:15:12: state is Stable but the last history entry (line 19) says Beta',
      'inline.yml:18:32: history is out of order: v1.0 comes after v1.1 (list entries oldest first)',
      'inline.yml:19:31: unknown release "v1.3" (expected one of v1.0, v1.1)',
    ]);
  });

  it('requires current_release to be one of the releases', () => {
    const text = HEADER.replace('current_release: v1.1', 'current_release: v1.2');
    expect(errorsOf(`${text}features: []\n`)).toEqual([
      'inline.yml:2:18: current_release "v1.2" is not one of the releases (v1.0, v1.1)',
    ]);
  });

  it('reports schema and cross-check errors together, sorted by line', () => {
    const text = `${HEADER}features:
  - { id: a, name: A, category: nowhere, state: Stable, colour: red }
  - { id: Bad_Id, name: B, category: core, state: Beta, docs: not a url }
  - { id: a, name: C, category: core, state: Alpha }
`;
    expect(errorsOf(text)).toEqual([
      'inline.yml:12:33: unknown category "nowhere" (expected one of core, observability)',
      'inline.yml:12:57: features[0]: unknown field "colour"',
      'inline.yml:13:11: features[1].id: must be a lowercase slug like "circuit-breaking"',
      'inline.yml:13:63: features[1].docs: Invalid URL',
      'inline.yml:14:11: duplicate feature id "a" (first defined on line 12)',
    ]);
  });

  it('names a missing or unknown state in the states table', () => {
    const text = HEADER.replace(/ {2}Beta: .*\n/, '  Gamma: { definition: g }\n');
    expect(errorsOf(`${text}features: []\n`)).toEqual([
      'inline.yml:5:3: states: missing required state "Beta"',
      'inline.yml:6:3: unknown state "Gamma" (expected Alpha, Beta or Stable)',
    ]);
  });

  it('wraps errors in a RegistryLoadError with a code for callers that throw', () => {
    const result = parseRegistry('', 'empty.yml');
    expect(result.ok).toBe(false);
    const error = new RegistryLoadError(result.ok ? [] : result.errors);
    expect(error.code).toBe('REGISTRY_INVALID');
    expect(error.message).toContain('empty.yml:1:1: registry is empty');
  });
});

describe('normalizeKey', () => {
  it.each([
    ['Multi-Cluster!', 'multi cluster'],
    ['  Protocols: HTTP1.1, HTTP2, TCP, gRPC ', 'protocols http1 1 http2 tcp grpc'],
    ['Jäger', 'jager'],
    ['ＯＳＭ　ＣＬＩ', 'osm cli'],
    ['cert-manager', 'cert manager'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeKey(input)).toBe(expected);
  });

  it('compares names with the spaces removed', () => {
    expect(compactKey('Multi cluster')).toBe(compactKey('multicluster'));
  });
});
