import { describe, expect, it } from 'vitest';
import { cachedAnswer } from '../../../src/answer/answer-cache.js';
import type { Registry } from '../../../src/registry/schema.js';

const registry = (): Registry => ({ features: [] }) as unknown as Registry;

describe('cachedAnswer', () => {
  it('computes once per registry and text', () => {
    const r = registry();
    let computed = 0;
    const compute = () => {
      computed++;
      return { intent: { kind: 'help' as const } };
    };
    const first = cachedAnswer(r, 'help', compute);
    expect(cachedAnswer(r, 'help', compute)).toBe(first);
    cachedAnswer(r, 'other', compute);
    cachedAnswer(registry(), 'help', compute);
    expect(computed).toBe(3);
  });

  it('keeps at most 1,000 texts, dropping the least recently used', () => {
    const r = registry();
    let computed = 0;
    const compute = () => {
      computed++;
      return { intent: { kind: 'help' as const } };
    };
    for (let i = 0; i < 1001; i++) cachedAnswer(r, `q${i}`, compute);
    cachedAnswer(r, 'q1000', compute);
    cachedAnswer(r, 'q0', compute);
    expect(computed).toBe(1002);
  });
});
