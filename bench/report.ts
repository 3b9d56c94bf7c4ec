/** One line of the benchmark table. Values are preformatted; baseline and goal are optional. */
export interface Row {
  what: string;
  median: string;
  p99: string;
  baselineMedian?: string;
  baselineP99?: string;
  /** Ours against the baseline, e.g. "1.04×". */
  ratio?: string;
  /** The goal and whether this run met it, e.g. "p99 ≤ 1.15× — met". */
  goal?: string;
}

const HEADER = ['What', 'median', 'p99', 'baseline median', 'baseline p99', 'ratio', 'goal'];

const cell = (s: string | undefined): string => (s ?? '—').replaceAll('|', '\\|');

/** The report: machine details, one Markdown table, then notes. */
export function renderReport(
  machine: readonly string[],
  rows: readonly Row[],
  notes: readonly string[],
): string {
  const lines = [
    '# osm-feature-bot benchmarks',
    '',
    ...machine.map((m) => `- ${m}`),
    '',
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${[r.what, r.median, r.p99, r.baselineMedian, r.baselineP99, r.ratio, r.goal].map(cell).join(' | ')} |`,
    ),
  ];
  if (notes.length > 0) lines.push('', ...notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

/** "met" or "missed by …" for a ceiling goal. */
export function verdict(value: number, ceiling: number, show: (n: number) => string): string {
  return value <= ceiling ? 'met' : `missed by ${show(value - ceiling)}`;
}
