import { reportUsageError, UsageError } from './args.js';
import { ASK_USAGE, runAsk } from './ask.js';
import { DIFF_USAGE, runDiff } from './diff.js';
import { IMPORT_USAGE, runImport } from './import.js';
import { type CliIo, EXIT, println } from './io.js';
import { MAPPING_USAGE, runMapping } from './mapping-command.js';
import { runValidate, VALIDATE_USAGE } from './validate.js';

export const USAGE = `osm-feature: where each Open Service Mesh feature stands in its lifecycle

Usage: osm-feature <command> [options]

Commands:
  validate [file]            check a registry (YAML, or the upstream Markdown page)
  ask "<question>"           answer a question the way the Slack bot does
  diff <old> <new>           print the change notice between two registries
  import <page.md>           turn the upstream Feature Lifecycle page into registry YAML
  mapping [registry]         write the page → registry mapping for a registry

Run "osm-feature <command> --help" for a command's options.
Exit codes: 0 ok, 1 invalid input, 2 usage error, 3 diff found changes.`;

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Each command with its usage text (for `osm-feature help <command>`). */
const COMMANDS: Readonly<Record<string, { run: Command; usage: string }>> = {
  validate: { run: runValidate, usage: VALIDATE_USAGE },
  ask: { run: runAsk, usage: ASK_USAGE },
  diff: { run: runDiff, usage: DIFF_USAGE },
  import: { run: runImport, usage: IMPORT_USAGE },
  mapping: { run: runMapping, usage: MAPPING_USAGE },
};

/**
 * The `osm-feature` command line: runs one command and resolves to its exit code (0 ok, 1 invalid input,
 * 2 usage error, 3 diff found changes). Expected failures are printed as one-line messages on `io.stderr`;
 * only unexpected errors reject.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) return reportUsageError(io, '', 'no command given', USAGE);
  if (name === '-h' || name === '--help' || name === 'help') {
    const topic = name === 'help' ? COMMANDS[args[0] ?? ''] : undefined;
    println(io.stdout, topic?.usage ?? USAGE);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return reportUsageError(io, '', `unknown command "${name}"`, USAGE);
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      return reportUsageError(io, name, err.message, `Run "osm-feature ${name} --help" for its usage.`);
    }
    throw err;
  }
}
