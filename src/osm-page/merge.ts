// Applies the mapping to the page's rows: a mapped row keeps its id, aliases, summary, docs, notes and
// history (cut at the imported release); an unmapped row gets a slug id. Disagreements become warnings.

import { compareReleases } from '../registry/history/releases.js';
import { compactKey, normalizeKey } from '../registry/normalize.js';
import type { Feature, HistoryEntry, StateName } from '../registry/schema.js';
import type { MappedFeature, Mapping } from './mapping.js';
import type { PageFeature } from './page.js';

/** The mapping entry for a page row: by its name first, then by a former name. */
export function findMapped(mapping: Mapping, name: string): MappedFeature | undefined {
  const key = compactKey(name);
  return (
    mapping.features.find((f) => compactKey(f.name) === key) ??
    mapping.features.find((f) => f.former_names.some((n) => compactKey(n) === key))
  );
}

/** A mapped row as a feature: the page's name, category and state; the rest from the mapping, cut at `release`. */
export function fromMapping(
  m: MappedFeature,
  row: PageFeature,
  category: string,
  release: string | undefined,
  warn: (message: string) => void,
): Feature {
  const notes = (m.notes ?? []).filter(
    (n) => !release || !n.release || compareReleases(n.release, release) <= 0,
  );
  const history = reconcileHistory(m.history, row.state, release, (message) =>
    warn(`"${row.name}": ${message}`),
  );
  return {
    id: m.id,
    name: row.name,
    category,
    state: row.state,
    aliases: m.aliases,
    ...(m.summary ? { summary: m.summary } : {}),
    ...(m.docs ? { docs: m.docs } : {}),
    ...(history ? { history } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/**
 * The mapping's history up to the release being imported, ending in the state the page gives. When the page
 * disagrees, the page wins: its state is recorded as entered in that release, and the maintainer is told.
 */
export function reconcileHistory(
  history: HistoryEntry[] | undefined,
  state: StateName,
  release: string | undefined,
  warn: (message: string) => void,
): HistoryEntry[] | undefined {
  if (!history) return undefined;
  const upTo = history.filter((h) => !release || compareReleases(h.since, release) <= 0);
  const last = upTo.at(-1);
  if (last?.state === state) return upTo;
  if (!release) {
    warn(
      `the page says ${state} but the mapping's history ends with ${last?.state ?? 'nothing'}, and no current_release says when it changed; history left out`,
    );
    return undefined;
  }
  const said = last
    ? `the mapping's history says ${last.state} since ${last.since}`
    : `the mapping's history starts after ${release}`;
  warn(
    `the page says ${state} but ${said}; recorded ${state} since ${release}. Update the mapping's history`,
  );
  if (last && compareReleases(last.since, release) === 0)
    return [...upTo.slice(0, -1), { state, since: release }];
  return [...upTo, { state, since: release }];
}

/** A row the mapping does not know: an id made from its name (unique), no aliases, history from `release`. */
export function unmapped(
  row: PageFeature,
  category: string,
  release: string | undefined,
  used: Set<string>,
  warn: (message: string) => void,
): Feature {
  const base =
    normalizeKey(row.name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || `feature-line-${row.line}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  const since = release ? ` and history ${row.state} since ${release}` : '';
  warn(
    `"${row.name}" is not in the mapping: given id "${id}", no aliases${since}. Add it to the mapping to keep its id`,
  );
  return {
    id,
    name: row.name,
    category,
    state: row.state,
    aliases: [],
    ...(release ? { history: [{ state: row.state, since: release }] } : {}),
  };
}

/** Mapped features that existed by the imported release (per their history) but are not on the page. */
export function missingRows(mapping: Mapping, features: Feature[], release: string | undefined): string[] {
  const present = new Set(features.map((f) => f.id));
  return mapping.features
    .filter((m) => !present.has(m.id))
    .filter((m) => {
      const first = m.history?.[0]?.since;
      return !first || !release || compareReleases(first, release) <= 0;
    })
    .map(
      (m) => `"${m.name}" (${m.id}) is in the mapping but not on the page; it is left out of the registry`,
    );
}
