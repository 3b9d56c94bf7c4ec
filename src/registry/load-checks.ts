// Cross-field checks that a zod schema cannot express (uniqueness, references, ordering). They read the raw
// YAML value defensively rather than the parsed registry, so that they still run, and still report, when
// the schema rejected some unrelated part of the file: the author sees every problem in one pass.
import { compactKey } from './normalize.js';
import { STATE_NAMES } from './schema.js';

export type PathSegment = string | number;

/**
 * A problem at `path`. `related` points at the other place involved (the first definition of a duplicate);
 * the caller replaces `{line}` in the message with that place's line.
 */
export interface SemanticProblem {
  path: PathSegment[];
  message: string;
  related?: PathSegment[];
}

type Report = (path: PathSegment[], message: string, related?: PathSegment[]) => void;
type Rec = Record<string, unknown>;

const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const isState = (v: string | undefined): boolean => STATE_NAMES.some((s) => s === v);
const STATE_KEYS = new Set(STATE_NAMES.map((s) => compactKey(s)));

/** Orders release names like "v1.2" and "v1.10" numerically. */
function compareReleases(a: string, b: string): number {
  const pa = a.slice(1).split('.').map(Number);
  const pb = b.slice(1).split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Checks what the schema cannot: unique ids, names and aliases, category references, history order and
 * consistency, and release references. Returns problems with YAML paths; the caller turns them into positions.
 */
export function checkRegistrySemantics(raw: unknown): SemanticProblem[] {
  const root = rec(raw);
  const problems: SemanticProblem[] = [];
  const report: Report = (path, message, related) =>
    problems.push(related ? { path, message, related } : { path, message });
  const releases = checkReleases(root, report);
  const categories = checkCategories(root, report);
  checkFeatures(root, releases, categories, report);
  return problems;
}

function checkReleases(root: Rec, report: Report): string[] | undefined {
  if (root.releases === undefined) return undefined;
  const names: string[] = [];
  list(root.releases).forEach((r, i) => {
    const name = str(rec(r).name);
    if (name === undefined) return;
    const first = names.indexOf(name);
    if (first >= 0)
      report(['releases', i, 'name'], `duplicate release "${name}" (first listed on line {line})`, [
        'releases',
        first,
        'name',
      ]);
    names.push(name);
  });
  const current = root.current_release;
  if (current === undefined) report(['releases'], 'current_release is required when releases are listed');
  else if (typeof current === 'string' && !names.includes(current)) {
    report(
      ['current_release'],
      `current_release "${current}" is not one of the releases (${names.join(', ')})`,
    );
  }
  return names;
}

interface CategoryIndex {
  ids: string[];
  /** compactKey of every category id, name and alias → the category id. */
  keys: Map<string, string>;
}

function checkCategories(root: Rec, report: Report): CategoryIndex {
  const index: CategoryIndex = { ids: [], keys: new Map() };
  const firstAt = new Map<string, number>();
  list(root.categories).forEach((c, i) => {
    const cat = rec(c);
    const id = str(cat.id);
    if (id === undefined) return;
    const first = firstAt.get(id);
    if (first !== undefined) {
      const message = `duplicate category id "${id}" (first defined on line {line})`;
      report(['categories', i, 'id'], message, ['categories', first, 'id']);
      return;
    }
    firstAt.set(id, i);
    index.ids.push(id);
    const claim = (word: string | undefined, ...path: PathSegment[]): void => {
      if (word === undefined) return;
      const owner = index.keys.get(compactKey(word));
      if (owner === undefined) index.keys.set(compactKey(word), id);
      else if (owner !== id)
        report(['categories', i, ...path], `"${word}" is already used by category "${owner}"`);
    };
    claim(id, 'id');
    claim(str(cat.name), 'name');
    list(cat.aliases).forEach((a, j) => {
      claim(str(a), 'aliases', j);
    });
  });
  return index;
}

interface Claim {
  featureIndex: number;
  id: string;
  kind: 'id' | 'name' | 'alias';
  path: PathSegment[];
}

function checkFeatures(root: Rec, releases: string[] | undefined, cats: CategoryIndex, report: Report): void {
  const features = list(root.features).map(rec);
  const claims = new Map<string, Claim>();
  const firstDefined = { id: new Map<string, PathSegment[]>(), name: new Map<string, PathSegment[]>() };
  // Ids and names first, so an alias that equals a later feature's name is caught too.
  features.forEach((f, i) => {
    const id = str(f.id) ?? `#${i}`;
    for (const kind of ['name', 'id'] as const) {
      const word = str(f[kind]);
      if (word === undefined) continue;
      const path = ['features', i, kind];
      const first = firstDefined[kind].get(compactKey(word));
      if (first) report(path, `duplicate feature ${kind} "${word}" (first defined on line {line})`, first);
      else firstDefined[kind].set(compactKey(word), path);
      if (!claims.has(compactKey(word))) claims.set(compactKey(word), { featureIndex: i, id, kind, path });
    }
  });
  features.forEach((f, i) => {
    const id = str(f.id) ?? `#${i}`;
    const category = str(f.category);
    if (category !== undefined && !cats.ids.includes(category)) {
      const expected =
        cats.ids.length > 0 ? `expected one of ${cats.ids.join(', ')}` : 'no categories are defined';
      report(['features', i, 'category'], `unknown category "${category}" (${expected})`);
    }
    list(f.aliases).forEach((a, j) => {
      const alias = str(a);
      if (alias === undefined) return;
      const key = compactKey(alias);
      const path = ['features', i, 'aliases', j];
      const other = claims.get(key);
      const category = cats.keys.get(key);
      if (STATE_KEYS.has(key)) report(path, `alias "${alias}" is a state name`);
      else if (category !== undefined) report(path, `alias "${alias}" clashes with category "${category}"`);
      else if (other && other.featureIndex !== i) {
        const message =
          other.kind === 'alias'
            ? `duplicate alias "${alias}" (already an alias of "${other.id}" on line {line})`
            : `alias "${alias}" equals the ${other.kind} of feature "${other.id}" (line {line})`;
        report(path, message, other.path);
      } else if (!other) claims.set(key, { featureIndex: i, id, kind: 'alias', path });
    });
    checkHistory(f, i, releases, report);
  });
}

function checkHistory(f: Rec, i: number, releases: string[] | undefined, report: Report): void {
  const history = list(f.history).map(rec);
  let previous: string | undefined;
  history.forEach((h, j) => {
    const since = str(h.since);
    if (since === undefined || !/^v\d+\.\d+(?:\.\d+)?$/.test(since)) return;
    const path = ['features', i, 'history', j, 'since'];
    if (releases && !releases.includes(since)) {
      report(path, `unknown release "${since}" (expected one of ${releases.join(', ')})`);
    }
    if (previous !== undefined && compareReleases(previous, since) >= 0) {
      report(path, `history is out of order: ${since} comes after ${previous} (list entries oldest first)`);
    }
    previous = since;
  });
  const last = str(history.at(-1)?.state);
  const state = str(f.state);
  if (isState(last) && isState(state) && last !== state) {
    const message = `state is ${state} but the last history entry (line {line}) says ${last}`;
    report(['features', i, 'state'], message, ['features', i, 'history', history.length - 1]);
  }
}
