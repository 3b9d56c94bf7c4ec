import { mappingFromRegistry } from '../osm-page/mapping.js';
import { packageDataPath } from '../sources/package-data.js';
import { parseCommandArgs, UsageError } from './args.js';
import { absolutePath, type CliIo, displayPath, EXIT, println } from './io.js';
import { readRegistry } from './read-input.js';
import { mappingToYaml } from './registry-yaml.js';

export const MAPPING_USAGE = `Usage: osm-feature mapping [registry] [-o file]

Writes the page → registry mapping that \`import\` needs to reproduce a registry: every category and feature
keeps its id, aliases, summary, docs, history and notes. Run it after editing data/features.yml by hand.

  registry           the registry to take the mapping from (default: data/features.yml)
  -o, --output file  write the YAML here (default: standard output)
  -h, --help         show this help

Example: osm-feature mapping data/features.yml -o data/osm-mapping.yml`;

const OPTIONS = { help: { type: 'boolean', short: 'h' }, output: { type: 'string', short: 'o' } } as const;

export const MAPPING_HEADER = `Mapping from OSM's Feature Lifecycle page to the registry, used by \`osm-feature import\` and by
REGISTRY_URL / REGISTRY_PATH when they point at the upstream Markdown page. The page gives feature names,
categories, states and the state policies; everything else lives here, so ids and aliases survive re-imports.

  source, releases, current_release   copied into the registry (releases after current_release are dropped)
  categories   a "### <Category>" heading of the page (name, as the page writes it) → id and aliases
  features     a row of the page (name, as the page writes it, typos included) → id, aliases, summary, docs,
               history (oldest first) and notes; history entries and notes after current_release are dropped
  former_names optional, on a category or feature: names the page used before, so a renamed row keeps its id

A row that is not listed here gets an id made from its name, no aliases, and a warning from the importer.
Generated from data/features.yml by \`osm-feature mapping data/features.yml -o data/osm-mapping.yml\`.`;

/** `osm-feature mapping [registry]`. */
export async function runMapping(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    println(io.stdout, MAPPING_USAGE);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError(`expected one registry, got ${positionals.length}`);
  const loaded = await readRegistry(io, positionals[0] ?? displayPath(io, packageDataPath('features.yml')));
  if (!loaded) return EXIT.invalid;
  const yaml = mappingToYaml(mappingFromRegistry(loaded.registry), MAPPING_HEADER, loaded.registry);
  if (values.output === undefined) {
    io.stdout.write(yaml);
    return EXIT.ok;
  }
  const out = absolutePath(io, values.output);
  await io.writeFile(out, yaml);
  println(io.stderr, `wrote ${displayPath(io, out)} (${loaded.registry.features.length} features)`);
  return EXIT.ok;
}
