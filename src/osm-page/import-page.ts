import { compareReleases } from '../registry/history/releases.js';
import type { RegistryError } from '../registry/load.js';
import { checkRegistrySemantics, type PathSegment } from '../registry/load-checks.js';
import { compactKey } from '../registry/normalize.js';
import {
  type Feature,
  type PolicyField,
  type Registry,
  RegistrySchema,
  type StateName,
} from '../registry/schema.js';
import type { Mapping } from './mapping.js';
import { findMapped, fromMapping, missingRows, unmapped } from './merge.js';
import { type LifecyclePage, type PageFeature, type PagePosition, readLifecyclePage } from './page.js';

/** A registry built from the page, plus what the maintainer should know (unmapped rows, reconciled history). */
export type MarkdownImportResult =
  | { ok: true; registry: Registry; warnings: RegistryError[] }
  | { ok: false; errors: RegistryError[] };

/** Where each part of the built registry came from on the page, to turn a registry path into a position. */
interface Origins {
  categories: PagePosition[];
  features: PageFeature[];
  states: LifecyclePage['states'];
}

/**
 * Imports OSM's Feature Lifecycle page (Hugo Markdown) into a registry. The page gives names, categories,
 * states and the state policies; `mapping` gives ids, aliases, summaries, docs, history, notes and releases.
 * Rows the mapping does not know get a slug id and a warning. Any change of the page's shape, an unknown
 * category or state, or a registry that would fail the YAML checks is an error at a page line; a registry is
 * returned only when it is complete and valid. Pure: `file` is only used in errors.
 */
export function importMarkdownRegistry(text: string, file: string, mapping: Mapping): MarkdownImportResult {
  const page = readLifecyclePage(text);
  const errors: RegistryError[] = [];
  const warnings: RegistryError[] = [];
  const at = (pos: PagePosition, message: string): RegistryError => ({
    file,
    line: pos.line,
    col: pos.col,
    message,
  });
  const release = mapping.current_release;

  const categories = (page.ok ? page.page.categories : page.categories).map((pc) => {
    const mapped = mapping.categories.find((c) =>
      [c.name, ...c.former_names].some((n) => compactKey(n) === compactKey(pc.name)),
    );
    if (!mapped) {
      const known = mapping.categories.map((c) => `"${c.name}"`).join(', ');
      errors.push(
        at(
          pc,
          `unknown category "${pc.name}" (the mapping knows ${known}); add it to the mapping's categories`,
        ),
      );
    }
    return { page: pc, mapped };
  });
  if (!page.ok) {
    const all = [...page.problems.map((p) => ({ file, ...p })), ...errors];
    return { ok: false, errors: all.sort((a, b) => a.line - b.line || a.col - b.col) };
  }
  const usedIds = new Set(mapping.features.map((f) => f.id));
  const features: Feature[] = [];
  const origins: Origins = {
    categories: categories.map((c) => c.page),
    features: [],
    states: page.page.states,
  };
  for (const { page: pc, mapped: category } of categories) {
    if (!category) continue;
    for (const row of pc.features) {
      const mapped = findMapped(mapping, row.name);
      const warn = (message: string): void => {
        warnings.push(at({ line: row.line, col: row.nameCol }, message));
      };
      features.push(
        mapped
          ? fromMapping(mapped, row, category.id, release, warn)
          : unmapped(row, category.id, release, usedIds, warn),
      );
      origins.features.push(row);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  warnings.push(
    ...missingRows(mapping, features, release).map((message) => ({ file, line: 1, col: 1, message })),
  );

  const registry = {
    source: mapping.source,
    ...(release ? { current_release: release } : {}),
    ...(mapping.releases
      ? { releases: mapping.releases.filter((r) => !release || compareReleases(r.name, release) <= 0) }
      : {}),
    states: page.page.states.policies,
    // The page's heading is the name, as for features: a heading matched by a former name is a rename.
    categories: categories.flatMap(({ page: pc, mapped }) =>
      mapped ? [{ id: mapped.id, name: pc.name, aliases: mapped.aliases }] : [],
    ),
    features,
  };
  const problems = validate(registry, origins, file);
  if (problems.length > 0) return { ok: false, errors: problems };
  return { ok: true, registry: RegistrySchema.parse(registry), warnings };
}

/** The same checks as a YAML registry (schema, then cross-checks), with errors placed on the page. */
function validate(registry: unknown, origins: Origins, file: string): RegistryError[] {
  const errors: RegistryError[] = [];
  const place = (path: PathSegment[], message: string): void => {
    const pos = positionOf(path, origins);
    errors.push({
      file,
      line: pos.line,
      col: pos.col,
      message: pos.fromMapping ? `${message} (set in the mapping)` : message,
    });
  };
  const parsed = RegistrySchema.safeParse(registry);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
      place(path, `${path.join('.') || 'registry'}: ${issue.message}`);
    }
  }
  for (const { path, message, related } of checkRegistrySemantics(registry)) {
    place(path, message.replace('{line}', String(related ? positionOf(related, origins).line : '?')));
  }
  return errors.sort((a, b) => a.line - b.line || a.col - b.col);
}

function positionOf(path: PathSegment[], origins: Origins): PagePosition & { fromMapping: boolean } {
  const [top, index, field] = path;
  if (top === 'features' && typeof index === 'number') {
    const row = origins.features[index];
    if (row) {
      const col = field === 'state' ? row.stateCol : row.nameCol;
      return {
        line: row.line,
        col,
        fromMapping: field !== 'state' && field !== 'name' && field !== 'category',
      };
    }
  }
  if (top === 'categories' && typeof index === 'number') {
    const heading = origins.categories[index];
    if (heading) return { ...heading, fromMapping: field === 'aliases' || field === 'id' };
  }
  if (top === 'states' && typeof index === 'string') {
    const cell = origins.states.cells[index as StateName]?.[field as PolicyField];
    return { ...(cell ?? { line: origins.states.line, col: 1 }), fromMapping: false };
  }
  return { line: 1, col: 1, fromMapping: true };
}
