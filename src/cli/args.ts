import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type CliIo, EXIT, println } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Arguments a command did not accept: reported with the command's usage, exit code 2. */
export class UsageError extends Error {
  readonly code = 'CLI_USAGE';
}

/** Option shapes shared by several commands. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  mapping: { type: 'string' },
} as const satisfies Options;

/**
 * `node:util` parseArgs in strict mode, with its errors turned into {@link UsageError}s whose messages read
 * well on their own ("unknown option '--x'").
 */
export function parseCommandArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      throw new UsageError(
        message?.replace(/\. To specify a positional argument.*$/, '') ?? 'bad arguments',
        {
          cause: err,
        },
      );
    }
    throw err;
  }
}

/** Prints a usage error and what to do about it (`hint`: a usage text or a pointer to one) on stderr; returns 2. */
export function reportUsageError(io: CliIo, command: string, message: string, hint: string): number {
  println(io.stderr, `osm-feature${command ? ` ${command}` : ''}: ${message}`);
  println(io.stderr, hint);
  return EXIT.usage;
}
