import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument, stringify } from 'yaml';
import { parseRegistry } from '../../src/registry/load.js';
import { parsePlainYaml } from '../../src/registry/plain-yaml.js';
import { RegistrySchema } from '../../src/registry/schema.js';
import { mutateRegistry, syntheticRegistry } from '../harness/synthetic-registry.js';

const REAL = readFileSync('tests/fixtures/registry/osm.yml', 'utf8');

function baseRegistry() {
  const loaded = parseRegistry(REAL, 'tests/fixtures/registry/osm.yml');
  if (!loaded.ok) throw new Error('the registry fixture must be valid');
  return loaded.registry;
}

describe('the plain-YAML fast path reads registries exactly as yaml does', () => {
  it('reads the registry fixture (flow lists, flow maps, comments, dates, URLs)', () => {
    const fast = parsePlainYaml(REAL);
    expect(fast).not.toBeUndefined();
    expect(fast).toEqual(parse(REAL));
  });

  it.each([
    ['one line per value', { lineWidth: 0 }],
    ['long values wrapped by yaml', {}],
  ])('reads a 2,000-feature registry written by yaml (%s)', (_label, options) => {
    const registry = mutateRegistry(syntheticRegistry(baseRegistry(), 2000), 5);
    const text = stringify(registry, options);
    const fast = parsePlainYaml(text);
    expect(fast).not.toBeUndefined();
    expect(fast).toEqual(parse(text));
    expect(parseRegistry(text, 'big.yml')).toEqual({ ok: true, registry: RegistrySchema.parse(parse(text)) });
  });

  // Each either declines (undefined) or gives yaml's value; the ones marked `declines` must decline.
  it.each([
    ['a: b\nc: d', 'reads'],
    ['a:\n  - x\n  - y', 'reads'],
    ['a:\n- x\n- y\nb: z', 'reads'],
    ['a: [x, y z]  # note', 'reads'],
    ['a: []', 'reads'],
    ['a: [{ s: Alpha, since: v1.0 }, { s: Beta, since: v1.1 }]', 'reads'],
    ["a: 'it''s'", 'reads'],
    ['a: "plain # not a comment"', 'reads'],
    ['a: https://example.com/x#frag', 'reads'],
    ['a: text # comment', 'reads'],
    ['a: one\n  two\n  three', 'reads'],
    ['a:\n  b:\n    - c: d\n      e: f\n    - g', 'reads'],
    ['a: 2022-07-20\nb: v1.2', 'reads'],
    ['a: 12', 'declines'],
    ['a: 1.5', 'declines'],
    ['a: true', 'declines'],
    ['a: null', 'declines'],
    ['a: ~', 'declines'],
    ['a: 0x1F', 'declines'],
    ['a: .inf', 'declines'],
    ['a:', 'declines'],
    ['a: b\na: c', 'declines'],
    ['a: &x b\nc: *x', 'declines'],
    ['a: !tag b', 'declines'],
    ['a: |\n  block', 'declines'],
    ['a: >\n  folded', 'declines'],
    ['---\na: b', 'declines'],
    ['a: b\n---\nc: d', 'declines'],
    ['a:\tb', 'declines'],
    ['a: b\r\nc: d', 'declines'],
    ['a: "esc\\n"', 'declines'],
    ['a: "open', 'declines'],
    ['a: b: c', 'declines'],
    ['a: one\n\n  two', 'declines'],
    ['a: one\n  # c\n  two', 'declines'],
    ['a: one # c\n  two', 'declines'],
    ['a: [x, [y]]', 'declines'],
    ['a: [x, "y"]', 'declines'],
    ['a: {b: c}', 'declines'],
    ['true: x', 'declines'],
    ['__proto__: x', 'declines'],
    ['"a": b', 'declines'],
    ['a:\n    b: c\n  d: e', 'declines'],
    ['- a\n-\n- b', 'declines'],
    ['a: - b', 'declines'],
    ['\ufeffa: b', 'declines'],
  ])('%j %s', (text, expected) => {
    const fast = parsePlainYaml(text);
    if (expected === 'declines') expect(fast).toBeUndefined();
    else expect(fast).toEqual(parse(text));
  });

  it('agrees with yaml on 5,000 random documents made of tricky pieces, or declines them', () => {
    let seed = 1;
    const next = (): number => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const values = [
      'a',
      'a b',
      'v1.2',
      '2022-07-20',
      '12',
      '1.5',
      'true',
      'null',
      '~',
      'a: b',
      'a:b',
      'a #c',
    ];
    values.push(
      'a#c',
      '-a',
      '- a',
      '"q"',
      "'it''s'",
      '"a\\"b"',
      '[a, b]',
      '[]',
      '[{ s: A, t: B }]',
      '{a: b}',
    );
    values.push(
      '&x a',
      '*x',
      '!t a',
      '|',
      '>',
      'https://x.io/a#b',
      'é',
      ':',
      '?',
      '',
      '#',
      '[a,]',
      'yes',
      '0x1F',
    );
    const keys = ['a', 'b', 'key_1', 'x-y', 'true', 'null', '1', '"q"', 'a b', '__proto__'];
    const block = (depth: number, indent: number): string[] => {
      const pad = ' '.repeat(indent);
      const lines: string[] = [];
      const sequence = next() < 0.3;
      for (let i = 0, n = 1 + Math.floor(next() * 3); i < n; i++) {
        if (sequence) lines.push(`${pad}- ${pick(values)}`);
        else if (next() < 0.6 || depth > 2) {
          lines.push(`${pad}${pick(keys)}: ${pick(values)}`);
          if (next() < 0.15) lines.push(`${pad}${' '.repeat(1 + Math.floor(next() * 3))}${pick(values)}`);
        } else {
          lines.push(`${pad}${pick(keys)}:`, ...block(depth + 1, indent + Math.floor(next() * 4)));
        }
        if (next() < 0.1) lines.push(pick(['', '# c', `${pad}# c`, '---']));
      }
      return lines;
    };
    let read = 0;
    for (let i = 0; i < 5000; i++) {
      const text = block(0, 0).join('\n');
      const fast = parsePlainYaml(text);
      if (fast === undefined) continue;
      read++;
      const doc = parseDocument(text, { uniqueKeys: true });
      expect(doc.errors, text).toEqual([]);
      expect(fast, text).toEqual(doc.toJS());
    }
    expect(read).toBeGreaterThan(200);
  });

  it('leaves every problem to the full loader, so errors keep their file:line:col', () => {
    const broken = REAL.replace('state: Alpha', 'state: Gamma');
    const result = parseRegistry(broken, 'features.yml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/unknown state "Gamma"/);
  });
});
