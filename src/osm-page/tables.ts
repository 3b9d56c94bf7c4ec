// A scanner for the small subset of Markdown the Feature Lifecycle page uses: Hugo front matter, ATX
// headings and pipe tables, each with its 1-based line (and, for table cells, column) so that every import
// error can point at the place to fix. Everything else (paragraphs, <br/>, code fences, HTML comments) is
// skipped. A full CommonMark parser would be a dependency for three constructs.

/** One table cell: its text (trimmed, `<br>` folded to a space, `\|` unescaped) and where it starts. */
export interface MdCell {
  text: string;
  col: number;
}

export interface MdRow {
  line: number;
  cells: MdCell[];
}

export interface MdTable {
  kind: 'table';
  line: number;
  header: MdRow;
  /** False when the second line is not a `| --- | --- |` delimiter row: then it is not a table by GFM rules. */
  hasDelimiter: boolean;
  rows: MdRow[];
}

export interface MdHeading {
  kind: 'heading';
  level: number;
  text: string;
  line: number;
  /** Column where the heading's text starts. */
  col: number;
}

export type MdBlock = MdHeading | MdTable;

export interface MdFrontMatter {
  line: number;
  closed: boolean;
  title?: string;
}

export interface ScannedPage {
  lineCount: number;
  frontMatter?: MdFrontMatter;
  blocks: MdBlock[];
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DELIMITER_CELL = /^:?-+:?$/;

/** Splits a page into headings and tables with their positions. Pure. */
export function scanMarkdown(text: string): ScannedPage {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: MdBlock[] = [];
  let i = 0;
  let frontMatter: MdFrontMatter | undefined;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, n) => n > 0 && (l.trim() === '---' || l.trim() === '...'));
    const body = lines.slice(1, end < 0 ? lines.length : end);
    const titleLine = body.map((l) => /^title:\s*(.*?)\s*$/.exec(l)?.[1]).find((t) => t !== undefined);
    const title = titleLine?.replace(/^(["'])(.*)\1$/, '$2').trim();
    frontMatter = { line: 1, closed: end > 0, ...(title ? { title } : {}) };
    i = end < 0 ? lines.length : end + 1;
  }
  let fence: string | undefined;
  let inComment = false;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (inComment) {
      inComment = !line.includes('-->');
      continue;
    }
    const fenceMatch = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (fenceMatch?.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch;
      continue;
    }
    if (/^\s*<!--/.test(line) && !line.includes('-->')) {
      inComment = true;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading?.[1]) {
      const title = heading[2]?.trim() ?? '';
      const col = line.indexOf(title, line.indexOf('#') + heading[1].length) + 1;
      blocks.push({ kind: 'heading', level: heading[1].length, text: title, line: i + 1, col });
      continue;
    }
    if (isTableLine(line)) {
      const start = i;
      while (i + 1 < lines.length && isTableLine(lines[i + 1] ?? '')) i++;
      blocks.push(readTable(lines.slice(start, i + 1), start + 1));
    }
  }
  return { lineCount: lines.length, ...(frontMatter ? { frontMatter } : {}), blocks };
}

function isTableLine(line: string): boolean {
  return /^ {0,3}\|/.test(line);
}

function readTable(lines: string[], firstLine: number): MdTable {
  const rows = lines.map((l, n) => ({ line: firstLine + n, cells: splitCells(l) }));
  const [header = { line: firstLine, cells: [] }, second, ...rest] = rows;
  const hasDelimiter =
    second !== undefined && second.cells.length > 0 && second.cells.every((c) => DELIMITER_CELL.test(c.text));
  const body = hasDelimiter ? rest : rows.slice(1);
  return { kind: 'table', line: firstLine, header, hasDelimiter, rows: body };
}

/** Cells of one `| a | b |` line, split on unescaped pipes, with each cell's 1-based column. */
export function splitCells(line: string): MdCell[] {
  const cells: MdCell[] = [];
  let start = line.indexOf('|') + 1;
  for (let i = start; i <= line.length; i++) {
    const atEnd = i === line.length;
    if (!atEnd && (line[i] !== '|' || line[i - 1] === '\\')) continue;
    const raw = line.slice(start, i);
    // The text after the last pipe is not a cell unless it has content (GFM allows a missing trailing pipe).
    if (!atEnd || raw.trim() !== '') {
      const lead = raw.length - raw.trimStart().length;
      cells.push({ text: cleanCell(raw), col: start + lead + 1 });
    }
    start = i + 1;
  }
  return cells;
}

function cleanCell(raw: string): string {
  return raw
    .replaceAll('\\|', '|')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
