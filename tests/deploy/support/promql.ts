/** A metric named in a PromQL expression, with the text of its label matchers (`{…}`, without the braces). */
export interface MetricSelector {
  name: string;
  matchers: string;
}

type Token =
  | { t: 'ident'; v: string }
  | { t: 'matchers'; v: string }
  | { t: 'punct'; v: string }
  | { t: 'other' };

/**
 * The metric selectors of a PromQL expression (Grafana's `$var` and `${var}` allowed). Function and aggregation
 * names, grouping labels (`by (…)`, `on (…)`), keywords, strings, numbers, durations and ranges are not metrics.
 * An unknown function name throws, so a typo cannot hide a metric.
 */
export function metricSelectors(expr: string): MetricSelector[] {
  const tokens = tokenize(expr);
  const found: MetricSelector[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok?.t !== 'ident') continue;
    const next = tokens[i + 1];
    const word = tok.v.toLowerCase();
    if (GROUPING.has(word)) {
      if (isOpen(next)) i = closingParen(tokens, i + 1);
      continue;
    }
    if (word === 'offset') {
      i += 1; // the duration
      continue;
    }
    if (KEYWORDS.has(word)) continue;
    if (isCall(tokens, i + 1)) {
      if (!FUNCTIONS.has(tok.v)) throw new Error(`unknown PromQL function ${tok.v} in: ${expr}`);
      continue;
    }
    found.push({ name: tok.v, matchers: next?.t === 'matchers' ? next.v : '' });
  }
  return found;
}

/** The metric of a Grafana Prometheus variable query: `label_values(metric{…}, label)`; none for `label_values(label)`. */
export function variableQuerySelectors(query: string): MetricSelector[] {
  const m = /^\s*label_values\((.*),\s*[a-zA-Z_]\w*\s*\)\s*$/s.exec(query);
  if (m?.[1]) return metricSelectors(m[1]);
  if (/^\s*label_values\(\s*[a-zA-Z_]\w*\s*\)\s*$/.test(query)) return [];
  return metricSelectors(query.replace(/^\s*query_result\((.*)\)\s*$/s, '$1'));
}

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    if (/\s/.test(c)) i++;
    else if (c === '#') i = endOf(s, i, '\n');
    else if (c === '"' || c === "'" || c === '`') {
      i = endOfString(s, i);
      tokens.push({ t: 'other' });
    } else if (c === '{') {
      const end = endOfGroup(s, i, '}');
      tokens.push({ t: 'matchers', v: s.slice(i + 1, end - 1) });
      i = end;
    } else if (c === '[') {
      i = endOfGroup(s, i, ']');
      tokens.push({ t: 'other' });
    } else if (c === '$') {
      i += /^\$(\{[^}]*\}|\w+)/.exec(s.slice(i))?.[0].length ?? 1;
      tokens.push({ t: 'other' });
    } else {
      const rest = s.slice(i);
      // Numbers (0.99, 1e3, 0x1f, Inf is a keyword) and durations (5m, 1h30m) before identifiers.
      const num = /^(0x[0-9a-f]+|(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?([a-z]+\d*)*)/i.exec(rest);
      const ident = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(rest);
      if (num) {
        tokens.push({ t: 'other' });
        i += num[0].length;
      } else if (ident) {
        tokens.push({ t: 'ident', v: ident[0] });
        i += ident[0].length;
      } else {
        tokens.push({ t: 'punct', v: c });
        i++;
      }
    }
  }
  return tokens;
}

function endOf(s: string, from: number, ch: string): number {
  const at = s.indexOf(ch, from);
  return at === -1 ? s.length : at + 1;
}

function endOfString(s: string, from: number): number {
  const quote = s.charAt(from);
  for (let i = from + 1; i < s.length; i++) {
    if (s.charAt(i) === '\\' && quote !== '`') i++;
    else if (s.charAt(i) === quote) return i + 1;
  }
  throw new Error(`unterminated string in: ${s}`);
}

/** The index after the closing bracket of a `{…}` or `[…]` group, skipping strings inside it. */
function endOfGroup(s: string, from: number, close: string): number {
  for (let i = from + 1; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === '"' || c === "'" || c === '`') i = endOfString(s, i) - 1;
    else if (c === close) return i + 1;
  }
  throw new Error(`unclosed ${s.charAt(from)} in: ${s}`);
}

/** Whether an identifier is called: `(` follows, maybe after an aggregation's `by (…)` or `without (…)`. */
function isCall(tokens: Token[], at: number): boolean {
  let j = at;
  const clause = tokens[j];
  if (clause?.t === 'ident' && /^(by|without)$/i.test(clause.v) && isOpen(tokens[j + 1]))
    j = closingParen(tokens, j + 1) + 1;
  return isOpen(tokens[j]);
}

function isOpen(tok: Token | undefined): boolean {
  return tok?.t === 'punct' && tok.v === '(';
}

function closingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok?.t !== 'punct') continue;
    if (tok.v === '(') depth++;
    else if (tok.v === ')' && --depth === 0) return i;
  }
  return tokens.length;
}

const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const KEYWORDS = new Set(['bool', 'and', 'or', 'unless', 'atan2', 'inf', 'nan']);
// PromQL's aggregation operators and functions (Prometheus 3), as of its documentation.
const FUNCTIONS = new Set(
  `sum min max avg group stddev stdvar count count_values bottomk topk quantile limitk limit_ratio
  abs absent absent_over_time ceil changes clamp clamp_max clamp_min day_of_month day_of_week day_of_year
  days_in_month delta deriv double_exponential_smoothing exp floor histogram_avg histogram_count
  histogram_fraction histogram_quantile histogram_stddev histogram_stdvar histogram_sum holt_winters hour idelta
  increase info irate label_join label_replace ln log2 log10 minute month predict_linear rate resets round scalar
  sgn sort sort_desc sort_by_label sort_by_label_desc sqrt time timestamp vector year avg_over_time min_over_time
  max_over_time sum_over_time count_over_time quantile_over_time stddev_over_time stdvar_over_time
  last_over_time present_over_time mad_over_time acos acosh asin asinh atan atanh cos cosh sin sinh tan tanh
  deg pi rad start end`.split(/\s+/),
);
