// Child process for one registry size: `node --import tsx bench/registry-probe.ts <features>` prints one JSON
// line of measurements. A process per size keeps peak RSS and garbage from one size out of the next.
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { answerQuestion } from '../src/answer/answer-question.js';
import { diffRegistries } from '../src/registry/history/diff.js';
import { parseRegistry } from '../src/registry/load.js';
import { findFeature } from '../src/registry/query/match.js';
import type { Feature, Registry } from '../src/registry/schema.js';
import { renderSlackAnswer } from '../src/render/slack/render-answer.js';
import { mutateRegistry, syntheticRegistry } from '../tests/harness/synthetic-registry.js';
import { type Summary, summarize, timeRepeated } from './stats.js';

export interface RegistryProbe {
  features: number;
  yamlBytes: number;
  load: Summary;
  /** The yaml package's parse alone, on the same text: what loading cost before the fast path. */
  yamlParse: Summary;
  firstLookup: number;
  exact: Summary;
  typo: Summary;
  none: Summary;
  render: Summary;
  diff: Summary;
  diffChanges: number;
  peakRssBytes: number;
}

/** A deterministic sequence, so every run asks the same questions. */
function sequence(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** One substitution in the middle of a key: a typo the matcher should forgive. */
function typo(text: string, next: () => number): string {
  const i = 1 + Math.floor(next() * Math.max(1, text.length - 2));
  const letter = String.fromCharCode(97 + Math.floor(next() * 26));
  return `${text.slice(0, i)}${letter === text[i] ? 'q' : letter}${text.slice(i + 1)}`;
}

function queries(registry: Registry, count: number): { exact: string[]; typo: string[]; none: string[] } {
  const next = sequence(3);
  const pick = (): Feature => registry.features[Math.floor(next() * registry.features.length)] as Feature;
  const gibberish = (): string =>
    Array.from({ length: 9 + Math.floor(next() * 6) }, () =>
      String.fromCharCode(106 + Math.floor(next() * 16)),
    ).join('');
  return {
    exact: Array.from({ length: count }, () => pick().name),
    typo: Array.from({ length: count }, () => typo(pick().name, next)),
    none: Array.from({ length: count }, gibberish),
  };
}

/** Collects garbage left by the previous phase (the runner passes --expose-gc), so it is not billed to the next. */
function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Times each query once, after one untimed pass over a sixth of them (the JIT's first tiers are not steady). */
function lookups(registry: Registry, asked: string[], expected: 'found' | 'none'): Summary {
  for (const query of asked.slice(0, asked.length / 6)) findFeature(registry, query);
  settle();
  const samples = timeRepeated(asked.length, (i) => {
    const match = findFeature(registry, asked[i] ?? '');
    if (expected === 'found' && match.kind === 'none') throw new Error(`no match for "${asked[i]}"`);
    if (expected === 'none' && match.kind !== 'none') throw new Error(`"${asked[i]}" should match nothing`);
  });
  return summarize(samples);
}

export function probeRegistry(features: number): RegistryProbe {
  const base = parseRegistry(readFileSync('data/features.yml', 'utf8'), 'data/features.yml');
  if (!base.ok) throw new Error('data/features.yml is invalid');
  const text = stringify(syntheticRegistry(base.registry, features));
  const reps = features >= 10_000 ? 12 : features >= 1000 ? 40 : 200;
  let registry: Registry | undefined;
  parseRegistry(text, 'synthetic.yml'); // warm-up, not recorded
  const load = summarize(
    timeRepeated(reps, () => {
      const loaded = parseRegistry(text, 'synthetic.yml');
      if (!loaded.ok) throw new Error(`synthetic registry is invalid: ${loaded.errors[0]?.message}`);
      registry = loaded.registry;
    }),
  );
  const yamlParse = summarize(timeRepeated(Math.max(3, reps / 4), () => parse(text)));
  if (!registry) throw new Error('not loaded');
  const loaded = registry;
  const [firstLookup = 0] = timeRepeated(1, () => findFeature(loaded, 'warm up the index'));
  const asked = queries(loaded, 3000);
  const changed = mutateRegistry(loaded, 1);
  let diffChanges = 0;
  const listAnswer = answerQuestion({ kind: 'list' }, loaded);
  return {
    features,
    yamlBytes: Buffer.byteLength(text),
    load,
    yamlParse,
    firstLookup,
    exact: lookups(loaded, asked.exact, 'found'),
    typo: lookups(loaded, asked.typo, 'found'),
    none: lookups(loaded, asked.none, 'none'),
    render: summarize(timeRepeated(reps, () => renderSlackAnswer(listAnswer, { interactive: false }))),
    diff: summarize(
      timeRepeated(reps, () => {
        diffChanges = diffRegistries(loaded, changed).length;
      }),
    ),
    diffChanges,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

if (process.argv[1]?.endsWith('registry-probe.ts')) {
  process.stdout.write(`${JSON.stringify(probeRegistry(Number(process.argv[2] ?? '30')))}\n`);
}
