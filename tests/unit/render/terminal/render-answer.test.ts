import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffRegistries } from '../../../../src/registry/history/diff.js';
import { parseRegistry } from '../../../../src/registry/load.js';
import type { Registry } from '../../../../src/registry/schema.js';
import { changeNoticeText } from '../../../../src/render/terminal/notice.js';
import { renderTerminalAnswer } from '../../../../src/render/terminal/render-answer.js';
import { answerFor } from '../../../harness/answers.js';
import { withFeature } from '../../../harness/registry-fixtures.js';

const FIXTURE = 'tests/fixtures/registry/osm-v1.1.yml';
const parsed = parseRegistry(readFileSync(FIXTURE, 'utf8'), FIXTURE);
if (!parsed.ok) throw new Error(`${FIXTURE} does not load`);
const registry: Registry = parsed.registry;
const ask = (text: string, r: Registry = registry): string => renderTerminalAnswer(answerFor(text, r));

/** Slack markup that must never reach a terminal. */
const SLACK_MARKUP = /\*[^*\s][^*]*\*|<[@#!]|<https?:|&amp;|&lt;|&gt;|:[a-z_]+:/;

describe('terminal answers carry no Slack markup', () => {
  it.each([
    'multicluster',
    'stable',
    'list',
    'categories',
    'policy beta',
    'states',
    'releases',
    'history circuit breaking',
    'changes v1.0..v1.1',
    'ingress',
    'frobnicate',
    'help',
    'hello',
    'multicluster@v1.0',
    'circuit breaking in v1.0',
    'changes v1.5',
  ])('%s', (text) => {
    const out = ask(text);
    expect(out.trim().length).toBeGreaterThan(0);
    expect(out).not.toMatch(SLACK_MARKUP);
  });
});

describe('terminal layout', () => {
  it('underlines the title, puts fields on one line each, shows emoji and links as label (url)', () => {
    const out = ask('multicluster');
    expect(out.startsWith('Multicluster\n============\n\n')).toBe(true);
    expect(out).toContain('State: 🧪 Alpha (Alpha since v1.0)\nCategory: Core');
    expect(out).toContain('─'.repeat(40));
    expect(out).toContain('Definition\nFeature is experimental');
    expect(out).toMatch(
      /Source: OSM Feature Lifecycle \(https:\/\/docs\.openservicemesh\.io\/[^)]*\) · OSM v1\.1/,
    );
  });

  it('shows every feature of a list, with state emoji in mixed lists', () => {
    const out = ask('list');
    expect(out.match(/^• /gm)).toHaveLength(registry.features.length);
    expect(out).toContain('• 🧪 Multicluster');
    expect(out).toContain('🧪 Alpha  🔷 Beta  ✅ Stable');
  });

  it('decodes what Slack would escape: names and user text are shown as typed', () => {
    const r = withFeature(registry, 'multicluster', { name: 'Tom & Jerry <mesh>' });
    expect(ask('multicluster', r)).toContain('Tom & Jerry <mesh>\n==================');
    expect(ask('list', r)).toContain('• 🧪 Tom & Jerry <mesh>');
  });

  it('never echoes control characters', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
    expect(ask('frob\u0000\u001b[31mnicate')).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe('terminal change notice', () => {
  it('one paragraph per change, what the new state promises indented, then the source with the footer', () => {
    const after = withFeature(registry, 'multicluster', { state: 'Beta' });
    const text = changeNoticeText(diffRegistries(registry, after), after, 'v1.1 → v1.2');
    const [head, change, source, ...rest] = text.split('\n\n');
    expect(rest).toEqual([]);
    expect(head).toMatch(/^OSM feature lifecycle update\n=+$/);
    expect(change?.split('\n')[0]).toBe('Multicluster: Alpha → Beta (promoted)');
    expect(change?.split('\n')[1]).toMatch(/^ {2}Support: May not be backward compatible\./);
    expect(source).toMatch(/^Source: .* · v1\.1 → v1\.2$/);
  });
});
