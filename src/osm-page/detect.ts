import { extname } from 'node:path';
import { type ParseRegistryResult, parseRegistry, type RegistryError } from '../registry/load.js';
import { importMarkdownRegistry } from './import-page.js';
import type { Mapping, ParseMappingResult } from './mapping.js';

export type RegistryFormat = 'yaml' | 'markdown';

/** A parse result that also says which format was read, and carries the Markdown importer's warnings. */
export type DetectedRegistryResult = ParseRegistryResult & {
  format: RegistryFormat;
  warnings: RegistryError[];
};

/**
 * Markdown when the file is named *.md / *.markdown, or the text is a Hugo page with a `| Feature` table, or
 * it has a `# Feature Lifecycle` heading; YAML otherwise. A YAML document may also start with `---`, hence
 * the table test.
 */
export function detectRegistryFormat(text: string, file: string): RegistryFormat {
  if (['.md', '.markdown'].includes(extname(file.split(/[?#]/)[0] ?? '').toLowerCase())) return 'markdown';
  const frontMatter = /^\uFEFF?---[ \t]*\r?\n/.test(text);
  if (frontMatter && /^[ \t]*\|[ \t]*Feature[ \t]*\|/im.test(text)) return 'markdown';
  if (/^#[ \t]+Feature Lifecycle[ \t]*$/im.test(text)) return 'markdown';
  return 'yaml';
}

/** The page → registry mapping, or a function that gives it only when a Markdown page needs it. */
export type MappingSource = Mapping | (() => ParseMappingResult);

/**
 * Parses a registry in either format: YAML with {@link parseRegistry}, or OSM's Feature Lifecycle page with
 * {@link importMarkdownRegistry} and `mapping`. Errors point at `file` (or at the mapping's file when the
 * mapping is invalid). Pure: the mapping is an argument.
 */
export function detectAndParseRegistry(
  text: string,
  file: string,
  mappingSource: MappingSource,
): DetectedRegistryResult {
  if (detectRegistryFormat(text, file) === 'yaml')
    return { ...parseRegistry(text, file), format: 'yaml', warnings: [] };
  let mapping: Mapping;
  if (typeof mappingSource === 'function') {
    const loaded = mappingSource();
    if (!loaded.ok) return { ok: false, errors: loaded.errors, format: 'markdown', warnings: [] };
    mapping = loaded.mapping;
  } else mapping = mappingSource;
  const result = importMarkdownRegistry(text, file, mapping);
  return result.ok
    ? { ok: true, registry: result.registry, format: 'markdown', warnings: result.warnings }
    : { ok: false, errors: result.errors, format: 'markdown', warnings: [] };
}
