// Reads the structure of OSM's Feature Lifecycle page: the state table under "## Feature versioning" and one
// "| Feature | State |" table per "### <Category>" under "## Feature state". Anything else on the page is
// ignored. Any change of shape is an error with a position, never a guess.

import { compactKey } from '../registry/normalize.js';
import type { StateName } from '../registry/schema.js';
import {
  checkDelimiter,
  EXPECTED_STATES,
  headerText,
  type PagePosition,
  type PageProblem,
  type PageStates,
  type Report,
  readStateTable,
  stateOf,
} from './state-table.js';
import { type MdBlock, type MdHeading, type MdTable, scanMarkdown } from './tables.js';

export type { PagePosition, PageProblem, PageStates } from './state-table.js';

/** One row of a feature table. */
export interface PageFeature {
  name: string;
  state: StateName;
  line: number;
  nameCol: number;
  stateCol: number;
}

/** One "### <Category>" heading and the rows of its table. */
export interface PageCategory extends PagePosition {
  name: string;
  features: PageFeature[];
}

/** What the page says, with where it says it. */
export interface LifecyclePage {
  title?: string;
  states: PageStates;
  categories: PageCategory[];
}

/** On failure, `categories` still lists the category headings found, so unknown ones can be reported too. */
export type ReadPageResult =
  | { ok: true; page: LifecyclePage }
  | { ok: false; problems: PageProblem[]; categories: PageCategory[] };
const VERSIONING = 'Feature versioning';
const FEATURE_STATE = 'Feature state';

/** Reads the page's state table and feature tables. Pure. */
export function readLifecyclePage(text: string): ReadPageResult {
  if (text.trim() === '') return fail([{ line: 1, col: 1, message: 'page is empty' }], []);
  const scanned = scanMarkdown(text);
  const problems: PageProblem[] = [];
  const report = (line: number, col: number, message: string): void => {
    problems.push({ line, col, message });
  };
  const fm = scanned.frontMatter;
  if (fm && !fm.closed) report(fm.line, 1, 'front matter is never closed: expected a second "---" line');
  else if (fm && !fm.title) report(fm.line, 1, 'front matter has no title');

  const versioning = sectionBlocks(scanned.blocks, VERSIONING);
  const featureState = sectionBlocks(scanned.blocks, FEATURE_STATE);
  if (!versioning) report(1, 1, `missing section "## ${VERSIONING}" with the Alpha | Beta | Stable table`);
  if (!featureState) report(1, 1, `missing section "## ${FEATURE_STATE}" with the feature tables`);
  const states = versioning ? readStateTable(versioning.heading, versioning.blocks, report) : undefined;
  const categories = featureState ? readCategories(featureState.heading, featureState.blocks, report) : [];

  if (problems.length > 0 || !states) return fail(problems, categories);
  return { ok: true, page: { ...(fm?.title ? { title: fm.title } : {}), states, categories } };
}

function fail(problems: PageProblem[], categories: PageCategory[]): ReadPageResult {
  return { ok: false, problems: problems.sort((a, b) => a.line - b.line || a.col - b.col), categories };
}
/** The blocks under the `## title` heading, up to the next heading of level 1 or 2. */
function sectionBlocks(
  blocks: MdBlock[],
  title: string,
): { heading: MdHeading; blocks: MdBlock[] } | undefined {
  const start = blocks.findIndex(
    (b) => b.kind === 'heading' && b.level === 2 && compactKey(b.text) === compactKey(title),
  );
  const heading = blocks[start];
  if (heading?.kind !== 'heading') return undefined;
  const rest = blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.kind === 'heading' && b.level <= 2);
  return { heading, blocks: end < 0 ? rest : rest.slice(0, end) };
}
function readCategories(heading: MdHeading, blocks: MdBlock[], report: Report): PageCategory[] {
  const categories: PageCategory[] = [];
  const tableOf = new Map<PageCategory, number>();
  const names = new Map<string, number>();
  const features = new Map<string, number>();
  let current: PageCategory | undefined;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      if (block.level !== 3) continue;
      const first = names.get(compactKey(block.text));
      if (first !== undefined)
        report(block.line, 1, `category "${block.text}" appears twice (first on line ${first})`);
      names.set(compactKey(block.text), block.line);
      current = { name: block.text, line: block.line, col: block.col, features: [] };
      categories.push(current);
      continue;
    }
    if (!current) {
      report(block.line, 1, 'feature table outside a category: put it under a "### <Category>" heading');
      continue;
    }
    const previous = tableOf.get(current);
    if (previous !== undefined) {
      report(
        block.line,
        1,
        `category "${current.name}" has a second table (the first is on line ${previous})`,
      );
      continue;
    }
    tableOf.set(current, block.line);
    readFeatureTable(block, current, features, report);
  }
  for (const category of categories) {
    if (!tableOf.has(category))
      report(category.line, 1, `category "${category.name}" has no | Feature | State | table`);
  }
  if (tableOf.size === 0) {
    report(
      heading.line,
      1,
      `no feature tables under "## ${heading.text}": expected "### <Category>" headings, each with a | Feature | State | table`,
    );
  }
  return categories;
}

function readFeatureTable(
  table: MdTable,
  category: PageCategory,
  seen: Map<string, number>,
  report: Report,
): void {
  if (!checkDelimiter(table, report)) return;
  const header = table.header.cells.map((c) => compactKey(c.text));
  if (header.length !== 2 || header[0] !== 'feature' || header[1] !== 'state') {
    const missing = ['Feature', 'State'].filter((c) => !header.includes(compactKey(c)));
    const what =
      missing.length > 0
        ? `has no "${missing.join('" or "')}" column`
        : 'must have exactly the columns Feature and State';
    report(
      table.header.line,
      1,
      `feature table of "${category.name}" ${what} (header is "${headerText(table.header)}")`,
    );
    return;
  }
  if (table.rows.length === 0) report(table.line, 1, `category "${category.name}" lists no features`);
  for (const row of table.rows) {
    const [name, stateCell] = row.cells;
    if (row.cells.length !== 2 || !name || !stateCell) {
      report(
        row.line,
        1,
        `row has ${row.cells.length} cell${row.cells.length === 1 ? '' : 's'}; expected 2 (Feature | State)`,
      );
      continue;
    }
    if (name.text === '') report(row.line, name.col, 'feature name is empty');
    const state = stateOf(stateCell.text.replace(/^[*_]+|[*_]+$/g, ''));
    if (!state)
      report(
        row.line,
        stateCell.col,
        `unknown state "${stateCell.text}" for "${name.text}" (expected ${EXPECTED_STATES})`,
      );
    const first = seen.get(compactKey(name.text));
    if (name.text !== '' && first !== undefined) {
      report(row.line, name.col, `duplicate feature "${name.text}" (first listed on line ${first})`);
    }
    if (name.text !== '' && first === undefined) seen.set(compactKey(name.text), row.line);
    if (state && name.text !== '') {
      category.features.push({
        name: name.text,
        state,
        line: row.line,
        nameCol: name.col,
        stateCol: stateCell.col,
      });
    }
  }
}
