// Parse + answer for plain-English questions, at 30 features (the shipped registry) and at 10,000 (a synthetic
// one built on it). Each question is parsed and answered afresh: the answer cache is bypassed on purpose.
import { readFileSync } from 'node:fs';
import { answerQuestion } from '../src/answer/answer-question.js';
import { isQuestion } from '../src/intents/intent.js';
import { parseIntent } from '../src/intents/parse.js';
import { parseRegistry } from '../src/registry/load.js';
import type { Registry } from '../src/registry/schema.js';
import { syntheticRegistry } from '../tests/harness/synthetic-registry.js';
import { ABSENT } from '../tests/unit/intents/absent.spec-table.js';
import { PHRASINGS } from '../tests/unit/intents/phrasings.spec-table.js';
import { type Row, verdict } from './report.js';
import { ms, summarize, timeRepeated } from './stats.js';

const ROUNDS = 20;

/** Questions naming a registry's own features, in the shapes people use (yes/no, several, aspects, typos). */
function questionsAbout(registry: Registry): string[] {
  const names = registry.features.slice(0, 200).map((f) => f.name.toLowerCase());
  const asked: string[] = [];
  names.forEach((name, i) => {
    const other = names[(i * 7 + 3) % names.length] ?? name;
    asked.push(
      `is ${name} production ready?`,
      `tell me about ${name}`,
      `${name} and ${other}`,
      `how long will ${name} be supported?`,
      `${name.slice(0, -2)}${name.at(-1)}${name.at(-2)}`,
    );
  });
  return asked;
}

function answerOnce(text: string, registry: Registry): void {
  const intent = parseIntent(text, registry);
  if (isQuestion(intent)) answerQuestion(intent, registry);
}

/** Every sample, and each question's fastest run (what the code costs once the machine's noise is set aside). */
function measure(registry: Registry, questions: readonly string[]) {
  for (const q of questions) answerOnce(q, registry);
  const samples: number[] = [];
  const fastest = questions.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < ROUNDS; round++) {
    const times = timeRepeated(questions.length, (i) => answerOnce(questions[i] ?? '', registry));
    times.forEach((t, i) => {
      fastest[i] = Math.min(fastest[i] ?? t, t);
    });
    samples.push(...times);
  }
  return { all: summarize(samples), fastest: summarize(fastest) };
}

/** Rows: parse + answer p50/p99 at 30 and 10,000 features; goals p99 < 0.5 ms and < 2 ms. */
export function runLanguageBench(): Row[] {
  const loaded = parseRegistry(readFileSync('data/features.yml', 'utf8'), 'data/features.yml');
  if (!loaded.ok) throw new Error('data/features.yml is invalid');
  const shipped = loaded.registry;
  const table = [...PHRASINGS.map(([text]) => text), ...ABSENT];
  const rows: Row[] = [];
  for (const [registry, goal] of [
    [shipped, 0.5],
    [syntheticRegistry(shipped, 10_000), 2],
  ] as const) {
    const questions = [...table, ...questionsAbout(registry)];
    const { all, fastest } = measure(registry, questions);
    const size = registry.features.length.toLocaleString('en-US');
    rows.push(
      {
        what: `Plain-English question, parse + answer, ${size} features (${questions.length} questions × ${ROUNDS}, n=${all.n})`,
        median: ms(all.p50),
        p99: ms(all.p99),
        goal: `p99 < ${goal} ms: ${verdict(all.p99, goal, ms)}`,
      },
      {
        what: `Plain-English question, parse + answer, ${size} features: each question's fastest of ${ROUNDS} (n=${fastest.n})`,
        median: ms(fastest.p50),
        p99: ms(fastest.p99),
        goal: `p99 < ${goal} ms: ${verdict(fastest.p99, goal, ms)}`,
      },
    );
  }
  return rows;
}

if (process.argv[1]?.endsWith('language-bench.ts')) {
  for (const row of runLanguageBench())
    process.stdout.write(`${row.what}: median ${row.median}, p99 ${row.p99} — ${row.goal}\n`);
}
