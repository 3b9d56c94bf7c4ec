// A fast reader for the plain subset of YAML that registry files are written in: block mappings with simple
// keys, block sequences, one-line scalars (plain, or quoted without escapes), one-line flow lists of plain
// words, and comments. The `yaml` package reads about 2.5 MB/s, so a 10,000-feature registry took a second;
// this reads it in tens of milliseconds. It answers `undefined` for anything outside the subset, or anything
// it is not certain `yaml` would read to the same value, and the loader then takes the full path, which is
// also the only path that reports errors. So it can make loading faster, never different.

/** Plain scalars that YAML 1.2's core schema (yaml's default) reads as null, booleans or numbers. */
const CORE_NON_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Characters that give a plain scalar a special meaning when they start it. */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Anything that could be a tab, a control character, a BOM, or a line break other than \n. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE_TEXT = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]/;
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]{0,200}):(?:$|[ ]+(.*)$)/;

interface Line {
  indent: number;
  text: string;
  /** Blank or comment lines came just before this one. */
  gap: boolean;
}

class Unsupported extends Error {}

function unsupported(): never {
  throw new Unsupported();
}

/** Reads `text` to the same value as `yaml`'s parse, or answers `undefined` when it cannot be sure to. */
export function parsePlainYaml(text: string): unknown {
  if (UNSAFE_TEXT.test(text)) return undefined;
  const lines: Line[] = [];
  let gap = false;
  for (const raw of text.split('\n')) {
    const content = raw.trimStart();
    if (content === '' || content.startsWith('#')) {
      gap = true;
      continue;
    }
    if (raw.startsWith('---') || raw.startsWith('...') || raw.startsWith('%')) return undefined;
    lines.push({ indent: raw.length - content.length, text: content.trimEnd(), gap });
    gap = false;
  }
  const first = lines[0];
  if (first?.indent !== 0) return undefined;
  try {
    const reader = new Reader(lines);
    const value = reader.node(0, 0);
    return reader.position === lines.length ? value : undefined;
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

const isSequenceItem = (text: string): boolean => text === '-' || text.startsWith('- ');

class Reader {
  position = 0;

  constructor(private readonly lines: Line[]) {}

  /** The node whose first line is at `position`, indented by `indent`. */
  node(position: number, indent: number): unknown {
    this.position = position;
    const line = this.lines[position];
    if (!line) return unsupported();
    if (isSequenceItem(line.text)) return this.sequence(indent);
    if (KEY_LINE.test(line.text)) return this.mapping(indent);
    this.position++;
    return scalarOrList(line.text);
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    for (let line = this.lines[this.position]; line; line = this.lines[this.position]) {
      if (line.indent < indent || (line.indent === indent && !isSequenceItem(line.text))) break;
      if (line.indent > indent) return unsupported();
      const rest = line.text.slice(1);
      const content = rest.trimStart();
      // "- " alone (a null item, or a block on the next lines) is rare in registries: let yaml read it.
      if (content === '') return unsupported();
      const column = indent + 1 + (rest.length - content.length);
      // The item's content is a node of its own, as if it started on a line of its own at that column.
      this.lines[this.position] = { indent: column, text: content, gap: line.gap };
      items.push(this.node(this.position, column));
    }
    return items;
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let line = this.lines[this.position]; line; line = this.lines[this.position]) {
      if (line.indent < indent) break;
      const match = line.indent === indent ? KEY_LINE.exec(line.text) : null;
      if (!match) return unsupported();
      const key = match[1] ?? '';
      if (key === '__proto__' || CORE_NON_STRING.test(key) || Object.hasOwn(map, key)) return unsupported();
      const inline = (match[2] ?? '').trim();
      this.position++;
      const next = this.lines[this.position];
      if (inline !== '' && !inline.startsWith('#')) {
        map[key] = next && next.indent > indent ? this.foldedPlain(inline, indent) : scalarOrList(inline);
      } else if (next && next.indent > indent) {
        map[key] = this.node(this.position, next.indent);
      } else if (next && next.indent === indent && isSequenceItem(next.text)) {
        map[key] = this.sequence(indent);
      } else {
        return unsupported();
      }
    }
    return map;
  }

  /**
   * A plain scalar wrapped over several lines (as `yaml` itself writes long values): the lines deeper than
   * the key are joined with single spaces. Blank lines, comments, quotes or anything that looks like syntax
   * on the way are left to yaml.
   */
  private foldedPlain(first: string, indent: number): string {
    if (stripComment(first) !== first) return unsupported();
    let value = plain(first, false);
    for (
      let line = this.lines[this.position];
      line && line.indent > indent;
      line = this.lines[this.position]
    ) {
      const text = line.text;
      if (line.gap || INDICATOR_START.test(text) || text.includes(': ') || text.endsWith(':'))
        return unsupported();
      if (stripComment(text) !== text) return unsupported();
      value += ` ${text}`;
      this.position++;
    }
    return value;
  }
}

/** A one-line value: a quoted or plain string, or a flow list of plain words. */
function scalarOrList(text: string): unknown {
  if (text.startsWith('[')) return flowList(text);
  if (text.startsWith('"')) return quoted(text, '"');
  if (text.startsWith("'")) return quoted(text, "'");
  return plain(stripComment(text), false);
}

function stripComment(text: string): string {
  const hash = text.search(/[ ]#/);
  return (hash < 0 ? text : text.slice(0, hash)).trimEnd();
}

function plain(text: string, inFlow: boolean): string {
  if (text === '' || INDICATOR_START.test(text) || CORE_NON_STRING.test(text)) return unsupported();
  if (text.includes(': ') || text.endsWith(':')) return unsupported();
  if (inFlow && /[:#,[\]{}]/.test(text)) return unsupported();
  return text;
}

function quoted(text: string, quote: '"' | "'"): string {
  let out = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') return unsupported();
    if (c !== quote) {
      out += c;
      continue;
    }
    if (quote === "'" && text[i + 1] === "'") {
      out += "'";
      i++;
      continue;
    }
    const after = text.slice(i + 1).trimStart();
    if (after === '' || (after.startsWith('#') && text[i + 1] === ' ')) return out;
    return unsupported();
  }
  return unsupported();
}

/** `[a, b c]` or `[{ k: v, k2: v2 }, …]` on one line, optionally followed by a comment. */
function flowList(text: string): unknown[] {
  const flow = new FlowReader(text);
  const list = flow.list();
  const after = text.slice(flow.at);
  if (after !== '' && !/^[ ]+#/.test(after)) return unsupported();
  return list;
}

const FLOW_WORD = /[^,[\]{}:#'"]*/y;
const FLOW_KEY = /([A-Za-z_][A-Za-z0-9_-]{0,200}):[ ]/y;

class FlowReader {
  at = 0;

  constructor(private readonly text: string) {}

  list(): unknown[] {
    this.expect('[');
    const items: unknown[] = [];
    if (this.peek() === ']') {
      this.at++;
      return items;
    }
    for (;;) {
      items.push(this.peek() === '{' ? this.map() : this.word());
      if (this.next() === ']') return items;
    }
  }

  private map(): Record<string, unknown> {
    this.expect('{');
    const map: Record<string, unknown> = {};
    for (;;) {
      this.skipSpaces();
      FLOW_KEY.lastIndex = this.at;
      const match = FLOW_KEY.exec(this.text);
      const key = match?.[1];
      if (!match || key === undefined || CORE_NON_STRING.test(key) || Object.hasOwn(map, key)) {
        return unsupported();
      }
      if (key === '__proto__') return unsupported();
      this.at = FLOW_KEY.lastIndex;
      map[key] = this.word();
      if (this.next() === '}') return map;
    }
  }

  /** A plain word up to the next `,` or closing bracket, trimmed. */
  private word(): string {
    FLOW_WORD.lastIndex = this.at;
    FLOW_WORD.exec(this.text);
    const word = this.text.slice(this.at, FLOW_WORD.lastIndex);
    this.at = FLOW_WORD.lastIndex;
    return plain(word.trim(), true);
  }

  /** The separator after an item: `,` (then more items), or a closing bracket. */
  private next(): string {
    this.skipSpaces();
    const c = this.text[this.at++];
    if (c === ',' || c === ']' || c === '}') return c;
    return unsupported();
  }

  private expect(c: string): void {
    this.skipSpaces();
    if (this.text[this.at] !== c) unsupported();
    this.at++;
  }

  private peek(): string | undefined {
    this.skipSpaces();
    return this.text[this.at];
  }

  private skipSpaces(): void {
    while (this.text[this.at] === ' ') this.at++;
  }
}
