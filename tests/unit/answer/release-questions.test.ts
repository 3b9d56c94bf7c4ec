import type { KnownBlock } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../../../src/registry/schema.js';
import { loadRegistryFile } from '../../../src/sources/read-registry.js';
import { askSlack } from '../../harness/answers.js';

let registry: Registry;
beforeAll(async () => {
  const loaded = await loadRegistryFile('tests/fixtures/registry/osm.yml');
  if (!loaded.ok) throw new Error('the registry fixture does not load');
  registry = loaded.registry;
});

const textOf = (blocks: KnownBlock[]): string => JSON.stringify(blocks);

describe('release questions through the engine', () => {
  const ask = (text: string) => askSlack(text, registry);
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
