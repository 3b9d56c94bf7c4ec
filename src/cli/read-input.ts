import { detectAndParseRegistry, type RegistryFormat } from '../osm-page/detect.js';
import { type Mapping, parseMapping } from '../osm-page/mapping.js';
import { formatRegistryError, type RegistryError } from '../registry/load.js';
import type { Registry } from '../registry/schema.js';
import { loadDefaultMapping } from '../sources/default-mapping.js';
import { absolutePath, type CliIo, displayPath, println } from './io.js';

/** A registry read from a file, with the name it is shown by. */
export interface LoadedRegistry {
  registry: Registry;
  file: string;
  format: RegistryFormat;
}

/** Reads a file named on the command line; undefined (and a one-line reason on stderr) when it cannot. */
export async function readInput(
  io: CliIo,
  path: string,
): Promise<{ text: string; file: string } | undefined> {
  const absolute = absolutePath(io, path);
  const file = displayPath(io, absolute);
  try {
    return { text: await io.readFile(absolute), file };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : err instanceof Error
            ? err.message
            : String(err);
    println(io.stderr, `osm-feature: cannot read ${file}: ${reason}`);
    return undefined;
  }
}

/** Prints each error as `file:line:col: message` on stderr. */
export function printErrors(io: CliIo, errors: readonly RegistryError[]): void {
  for (const e of errors) println(io.stderr, formatRegistryError(e));
}

/** Prints each warning as `file:line:col: warning: message` on stderr. */
export function printWarnings(io: CliIo, warnings: readonly RegistryError[]): void {
  for (const w of warnings) println(io.stderr, `${w.file}:${w.line}:${w.col}: warning: ${w.message}`);
}

/**
 * The mapping from `--mapping`, or the package's default when the option is absent. Undefined (errors
 * printed) when it cannot be read or is invalid.
 */
export async function readMapping(io: CliIo, path: string | undefined): Promise<Mapping | undefined> {
  if (path === undefined) {
    const loaded = loadDefaultMapping();
    if (loaded.ok) return loaded.mapping;
    printErrors(io, loaded.errors);
    return undefined;
  }
  const input = await readInput(io, path);
  if (!input) return undefined;
  const parsed = parseMapping(input.text, input.file);
  if (parsed.ok) return parsed.mapping;
  printErrors(io, parsed.errors);
  return undefined;
}

/**
 * Reads and validates a registry file, YAML or the upstream Markdown page (imported with `mapping`, or the
 * package's mapping when undefined). Prints warnings; prints errors and returns undefined when invalid.
 */
export async function readRegistry(
  io: CliIo,
  path: string,
  mapping?: Mapping,
): Promise<LoadedRegistry | undefined> {
  const input = await readInput(io, path);
  if (!input) return undefined;
  const result = detectAndParseRegistry(input.text, input.file, mapping ?? loadDefaultMapping);
  printWarnings(io, result.warnings);
  if (!result.ok) {
    printErrors(io, result.errors);
    return undefined;
  }
  return { registry: result.registry, file: input.file, format: result.format };
}
