// The "Feature versioning" table of the Feature Lifecycle page: Alpha | Beta | Stable columns, one row per
// policy field. Shared table helpers for the page reader live here too.

import { compactKey } from '../registry/normalize.js';
import {
  POLICY_FIELDS,
  type PolicyField,
  STATE_NAMES,
  type StateName,
  type StatePolicy,
} from '../registry/schema.js';
import type { MdBlock, MdHeading, MdRow, MdTable } from './tables.js';

/** A 1-based position on the page. */
export interface PagePosition {
  line: number;
  col: number;
}

/** One problem with the page's shape or content. */
export interface PageProblem extends PagePosition {
  message: string;
}

/** The state table: each state's policy, and the cell each text came from. */
export interface PageStates {
  line: number;
  policies: Record<StateName, StatePolicy>;
  cells: Record<StateName, Record<PolicyField, PagePosition>>;
}

/** Receives one problem at a page position. */
export type Report = (line: number, col: number, message: string) => void;

export const EXPECTED_STATES = 'Alpha, Beta or Stable';
const ROW_LABELS: Record<PolicyField, string> = {
  definition: 'Definition',
  stability: 'Stability',
  support: 'Support',
  deprecation_policy: 'Deprecation Policy',
  documentation: 'Documentation',
};

/** The state a cell names ("Beta", "**beta**"), or undefined. */
export function stateOf(text: string): StateName | undefined {
  return STATE_NAMES.find((s) => compactKey(s) === compactKey(text));
}

/** A table's header as the page writes it, for messages: `| Feature | State |`. */
export function headerText(row: MdRow): string {
  return `| ${row.cells.map((c) => c.text).join(' | ')} |`;
}

/** Reports a table whose header is not followed by a `| --- |` row; false when it is missing. */
export function checkDelimiter(table: MdTable, report: Report): boolean {
  if (!table.hasDelimiter)
    report(table.line + 1, 1, 'table header is not followed by a delimiter row (| --- | --- |)');
  return table.hasDelimiter;
}

/** Reads the state table, the first table in the section; undefined (and problems reported) when its shape is off. */
export function readStateTable(
  heading: MdHeading,
  blocks: MdBlock[],
  report: Report,
): PageStates | undefined {
  const table = blocks.find((b): b is MdTable => b.kind === 'table');
  if (!table) {
    report(heading.line, 1, `section "${heading.text}" has no Alpha | Beta | Stable table`);
    return undefined;
  }
  if (!checkDelimiter(table, report)) return undefined;
  const columns = new Map<StateName, number>();
  table.header.cells.slice(1).forEach((cell, i) => {
    const state = stateOf(cell.text);
    if (!state)
      report(
        table.header.line,
        cell.col,
        `unknown state "${cell.text}" in the state table header (expected ${EXPECTED_STATES})`,
      );
    else if (columns.has(state)) report(table.header.line, cell.col, `state "${state}" has two columns`);
    else columns.set(state, i + 1);
  });
  for (const state of STATE_NAMES) {
    if (!columns.has(state))
      report(
        table.header.line,
        1,
        `state table has no "${state}" column (header is "${headerText(table.header)}")`,
      );
  }
  const policies = {} as Record<StateName, Partial<StatePolicy>>;
  const cells = {} as Record<StateName, Partial<Record<PolicyField, { line: number; col: number }>>>;
  for (const state of STATE_NAMES) {
    policies[state] = {};
    cells[state] = {};
  }
  const seen = new Map<PolicyField, number>();
  for (const row of table.rows) {
    const label = row.cells[0];
    const field = POLICY_FIELDS.find((f) => compactKey(f) === compactKey(label?.text ?? ''));
    if (!field) {
      const expected = Object.values(ROW_LABELS).join(', ');
      report(
        row.line,
        label?.col ?? 1,
        `unknown row "${label?.text ?? ''}" in the state table (expected ${expected})`,
      );
      continue;
    }
    const first = seen.get(field);
    if (first !== undefined)
      report(row.line, label?.col ?? 1, `row "${ROW_LABELS[field]}" appears twice (first on line ${first})`);
    seen.set(field, row.line);
    if (row.cells.length !== table.header.cells.length) {
      report(
        row.line,
        1,
        `row "${ROW_LABELS[field]}" has ${row.cells.length} cells; the header has ${table.header.cells.length}`,
      );
      continue;
    }
    for (const [state, index] of columns) {
      const cell = row.cells[index];
      if (!cell || cell.text === '')
        report(row.line, cell?.col ?? 1, `"${ROW_LABELS[field]}" is empty for ${state}`);
      else {
        policies[state][field] = cell.text;
        cells[state][field] = { line: row.line, col: cell.col };
      }
    }
  }
  for (const field of POLICY_FIELDS) {
    if (!seen.has(field)) report(table.line, 1, `state table has no "${ROW_LABELS[field]}" row`);
  }
  if (columns.size !== STATE_NAMES.length || seen.size !== POLICY_FIELDS.length) return undefined;
  return {
    line: table.line,
    policies: policies as Record<StateName, StatePolicy>,
    cells: cells as Record<StateName, Record<PolicyField, PagePosition>>,
  };
}
