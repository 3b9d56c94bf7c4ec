import { packageDataPath } from '../sources/package-data.js';
import { COMMON_OPTIONS, parseCommandArgs, UsageError } from './args.js';
import { type CliIo, displayPath, EXIT, println } from './io.js';
import { readMapping, readRegistry } from './read-input.js';

export const VALIDATE_USAGE = `Usage: osm-feature validate [file] [--mapping file]

Checks a registry: YAML (data/features.yml's format) or the upstream Feature Lifecycle page (Markdown),
with the same checks the bot runs at start-up.

  file             the registry to check (default: data/features.yml)
  --mapping file   page → registry mapping for a Markdown page (default: data/osm-mapping.yml)
  -h, --help       show this help

Prints "file: OK (N features)" and exits 0, or prints one "file:line:col: message" line per problem on
stderr and exits 1.`;

/** `osm-feature validate [file]`. */
export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, COMMON_OPTIONS);
  if (values.help) {
    println(io.stdout, VALIDATE_USAGE);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError(`expected one file, got ${positionals.length}`);
  const path = positionals[0] ?? displayPath(io, packageDataPath('features.yml'));
  const mapping = values.mapping === undefined ? undefined : await readMapping(io, values.mapping);
  if (values.mapping !== undefined && !mapping) return EXIT.invalid;
  const loaded = await readRegistry(io, path, mapping);
  if (!loaded) return EXIT.invalid;
  const count = loaded.registry.features.length;
  println(io.stdout, `${loaded.file}: OK (${count} feature${count === 1 ? '' : 's'})`);
  return EXIT.ok;
}
