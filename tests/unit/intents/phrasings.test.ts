import { beforeAll, describe, expect, it } from 'vitest';
import { resolveText } from '../../../src/answer/resolve-text.js';
import type { Registry } from '../../../src/registry/schema.js';
import { renderSlackAnswer } from '../../../src/render/slack/render-answer.js';
import { renderTerminalAnswer } from '../../../src/render/terminal/render-answer.js';
import { loadRegistryFile } from '../../../src/sources/read-registry.js';
import { ABSENT } from './absent.spec-table.js';
import { agrees, CARD_KINDS, digest } from './answer-digest.js';
import { PHRASINGS } from './phrasings.spec-table.js';

let registry: Registry;
beforeAll(async () => {
  const loaded = await loadRegistryFile('tests/fixtures/registry/osm.yml');
  if (!loaded.ok) throw new Error('the registry fixture does not load');
  registry = loaded.registry;
});

const answerTo = (text: string) => {
  const { answer } = resolveText(text, registry);
  if (!answer) throw new Error(`${text} was taken for a subscription command`);
  return answer;
};

describe('questions as people ask them', () => {
  it('has at least 300 phrasings and 100 things OSM does not have', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(300);
    expect(ABSENT.length).toBeGreaterThanOrEqual(100);
  });

  it.each(PHRASINGS)('%s', (text, expected) => {
    const actual = digest(answerTo(text));
    expect(agrees(actual, expected), JSON.stringify(actual)).toBe(true);
  });

  it.each(ABSENT)('%s gets no card', (text) => {
    const actual = digest(answerTo(text));
    expect(CARD_KINDS.has(actual.kind), JSON.stringify(actual)).toBe(false);
  });

  it('renders every answer in the table for Slack within its limits and for the terminal', () => {
    for (const [text] of PHRASINGS) {
      const answer = answerTo(text);
      const message = renderSlackAnswer(answer);
      expect(message.blocks.length, text).toBeLessThanOrEqual(50);
      for (const block of message.blocks) {
        if (block.type === 'section' && block.text)
          expect(block.text.text.length, text).toBeLessThanOrEqual(3000);
      }
      expect(renderTerminalAnswer(answer).length, text).toBeGreaterThan(0);
    }
  });
});
