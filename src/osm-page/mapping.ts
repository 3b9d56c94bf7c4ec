import { type Document, LineCounter, type Node, parseDocument } from 'yaml';
import { z } from 'zod';
import type { RegistryError } from '../registry/load.js';
import { compactKey } from '../registry/normalize.js';
import {
  CategorySchema,
  FeatureSchema,
  type Registry,
  RegistrySchema,
  ReleaseSchema,
} from '../registry/schema.js';

const formerNames = z.array(z.string().trim().min(1)).default([]);

/** A page section (### heading) → our category id and aliases. `name` is the heading as the page writes it. */
export const MappedCategorySchema = CategorySchema.extend({
  /** Headings the page used before, so a renamed section keeps its id. */
  former_names: formerNames,
});
export type MappedCategory = z.infer<typeof MappedCategorySchema>;

/** A page row → our feature id and everything the page does not say (aliases, summary, docs, history, notes). */
export const MappedFeatureSchema = FeatureSchema.pick({
  id: true,
  name: true,
  aliases: true,
  summary: true,
  docs: true,
  history: true,
  notes: true,
}).extend({
  /** Names the page used before, so a renamed row keeps its id (and the diff reports a rename). */
  former_names: formerNames,
});
export type MappedFeature = z.infer<typeof MappedFeatureSchema>;

/**
 * What turns the upstream Feature Lifecycle page into a registry: the page has names and states only; ids,
 * aliases, summaries, docs links, history, notes and the release list live here and survive every re-import.
 */
export const MappingSchema = z.strictObject({
  source: RegistrySchema.shape.source,
  current_release: RegistrySchema.shape.current_release,
  releases: z.array(ReleaseSchema).optional(),
  categories: z.array(MappedCategorySchema),
  features: z.array(MappedFeatureSchema),
});
export type Mapping = z.infer<typeof MappingSchema>;

export type ParseMappingResult = { ok: true; mapping: Mapping } | { ok: false; errors: RegistryError[] };

/** Parses and validates mapping YAML; errors point at the mapping file's lines. Pure. */
export function parseMapping(text: string, file: string): ParseMappingResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined, message: string): RegistryError => {
    const { line, col } = offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
    return { file, line, col, message };
  };
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => at(e.pos[0], e.message.split('\n')[0] ?? e.message)) };
  }
  const parsed = MappingSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
      const where = path.join('.') || 'mapping';
      const extra = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
      return at(nodeAt(doc, path)?.range?.[0], `${where}: ${issue.message}${extra}`);
    });
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line || a.col - b.col) };
  }
  const duplicates = findDuplicates(parsed.data).map(({ path, message }) =>
    at(nodeAt(doc, path)?.range?.[0], message),
  );
  return duplicates.length > 0 ? { ok: false, errors: duplicates } : { ok: true, mapping: parsed.data };
}

/** The deepest node on the way to `path`. */
function nodeAt(doc: Document, path: (string | number)[]): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node) return node;
  }
  return undefined;
}

/** Two entries claiming the same page name or id would make the import ambiguous. */
function findDuplicates(mapping: Mapping): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  for (const list of ['categories', 'features'] as const) {
    const names = new Map<string, string>();
    const ids = new Set<string>();
    mapping[list].forEach((entry, i) => {
      if (ids.has(entry.id))
        problems.push({ path: [list, i, 'id'], message: `duplicate ${list} id "${entry.id}"` });
      ids.add(entry.id);
      for (const name of [entry.name, ...entry.former_names]) {
        const owner = names.get(compactKey(name));
        if (owner !== undefined && owner !== entry.id) {
          problems.push({
            path: [list, i],
            message: `page name "${name}" is mapped twice (also to "${owner}")`,
          });
        }
        names.set(compactKey(name), entry.id);
      }
    });
  }
  return problems;
}

/**
 * A mapping that reproduces `registry` when its page is imported: every category and feature keeps its id,
 * aliases, summary, docs, history and notes. Used to (re)generate data/osm-mapping.yml. Pure.
 */
export function mappingFromRegistry(registry: Registry): Mapping {
  return {
    source: registry.source,
    ...(registry.current_release ? { current_release: registry.current_release } : {}),
    ...(registry.releases ? { releases: registry.releases } : {}),
    // Page name first: the mapping reads "this row of the page → this id".
    categories: registry.categories.map(({ name, ...rest }) => ({ name, ...rest, former_names: [] })),
    features: registry.features.map(({ name, category: _category, state: _state, ...rest }) => ({
      name,
      ...rest,
      former_names: [],
    })),
  };
}
