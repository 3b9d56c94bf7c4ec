import { answerQuestion } from '../answer/answer-question.js';
import { isQuestion } from '../intents/intent.js';
import { parseIntent } from '../intents/parse.js';
import { COMMAND } from '../render/slack/ids.js';
import { renderSlackAnswer } from '../render/slack/render-answer.js';
import { renderTerminalAnswer } from '../render/terminal/render-answer.js';
import { packageDataPath } from '../sources/package-data.js';
import { COMMON_OPTIONS, parseCommandArgs, UsageError } from './args.js';
import { type CliIo, displayPath, EXIT, println } from './io.js';
import { readMapping, readRegistry } from './read-input.js';

export const ASK_USAGE = `Usage: osm-feature ask "<question or command>" [--registry file] [--json]

Answers the way the Slack bot does, from the same engine, as terminal text.

  --registry file  the registry to answer from, YAML or Markdown (default: data/features.yml)
  --mapping file   page → registry mapping when the registry is a Markdown page
  --json           print the Slack payload ({ text, blocks }) instead
  -h, --help       show this help

Examples:
  osm-feature ask "which features are stable?"
  osm-feature ask "multicluster@v1.0"
  osm-feature ask "changes v1.0..v1.1" --json`;

const OPTIONS = { ...COMMON_OPTIONS, registry: { type: 'string' }, json: { type: 'boolean' } } as const;

/** `osm-feature ask "<question>"`. */
export async function runAsk(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    println(io.stdout, ASK_USAGE);
    return EXIT.ok;
  }
  const question = positionals.join(' ').trim();
  if (!question)
    throw new UsageError(
      'what should I answer? Give a question, e.g. osm-feature ask "which features are stable?"',
    );
  const mapping = values.mapping === undefined ? undefined : await readMapping(io, values.mapping);
  if (values.mapping !== undefined && !mapping) return EXIT.invalid;
  const loaded = await readRegistry(
    io,
    values.registry ?? displayPath(io, packageDataPath('features.yml')),
    mapping,
  );
  if (!loaded) return EXIT.invalid;

  const intent = parseIntent(question, loaded.registry);
  if (!isQuestion(intent)) {
    println(
      io.stderr,
      `osm-feature ask: subscriptions only work in Slack: type ${COMMAND} subscribe in a channel.`,
    );
    return EXIT.usage;
  }
  const answer = answerQuestion(intent, loaded.registry);
  println(
    io.stdout,
    values.json
      ? JSON.stringify(renderSlackAnswer(answer, { interactive: false }), null, 2)
      : renderTerminalAnswer(answer),
  );
  return EXIT.ok;
}
