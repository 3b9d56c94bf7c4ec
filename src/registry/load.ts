import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { checkRegistrySemantics, type PathSegment } from './load-checks.js';
import { parsePlainYaml } from './plain-yaml.js';
import { type Registry, RegistrySchema, STATE_NAMES } from './schema.js';

/** One problem in a registry file, pointing at the place to fix (1-based line and column). */
export interface RegistryError {
  file: string;
  line: number;
  col: number;
  message: string;
}

export type ParseRegistryResult = { ok: true; registry: Registry } | { ok: false; errors: RegistryError[] };

/** Thrown by callers that prefer an exception to a result value; `errors` holds every problem found. */
export class RegistryLoadError extends Error {
  readonly code = 'REGISTRY_INVALID';
  readonly errors: RegistryError[];

  constructor(errors: RegistryError[], options?: ErrorOptions) {
    super(`invalid registry:\n${errors.map(formatRegistryError).join('\n')}`, options);
    this.name = 'RegistryLoadError';
    this.errors = errors;
  }
}

/** Formats an error the way compilers do, so editors and terminals can jump to it: `file:line:col: message`. */
export function formatRegistryError(e: RegistryError): string {
  return `${e.file}:${e.line}:${e.col}: ${e.message}`;
}

const EXPECTED_STATES = `${STATE_NAMES.slice(0, -1).join(', ')} or ${STATE_NAMES.at(-1)}`;

/** The node at `path`, or the deepest existing node on the way there (`found` tells which). */
function locate(doc: Document, path: readonly PathSegment[]): { node: Node | null; found: boolean } {
  let node = doc.contents as Node | null;
  for (const seg of path) {
    let next: Node | null | undefined;
    if (isMap(node)) next = node.get(seg, true) as Node | undefined;
    else if (isSeq(node) && typeof seg === 'number') next = node.get(seg, true) as Node | undefined;
    if (!next) return { node, found: false };
    // `name:` with nothing after it is a missing value: point at the key, the only thing on the line.
    if (isScalar(next) && next.value === null) return { node: keyNode(node, seg) ?? node, found: false };
    node = next;
  }
  return { node, found: true };
}

/** The key node of `key` when `node` is a map that has it. */
function keyNode(node: Node | null, key: PathSegment): Node | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key)?.key as
    | Node
    | undefined;
}

/** The key node of `key` inside the map at `path` (used to point at an unknown field's name). */
function locateKey(doc: Document, path: readonly PathSegment[], key: string): Node | null {
  const { node } = locate(doc, path);
  return keyNode(node, key) ?? node;
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : `${out ? '.' : ''}${String(seg)}`;
  return out || 'registry';
}

/** Turns one zod issue into a message and the node it is about. */
function describeIssue(doc: Document, issue: z.core.$ZodIssue): { node: Node | null; message: string }[] {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  const where = pathText(path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      node: locateKey(doc, path, key),
      message:
        where === 'states'
          ? `unknown state "${key}" (expected ${EXPECTED_STATES})`
          : `${where}: unknown field "${key}"`,
    }));
  }
  if (path.length === 0 && issue.code === 'invalid_type') {
    return [
      { node: null, message: 'registry must be a mapping with source, states, categories and features' },
    ];
  }
  const { node, found } = locate(doc, path);
  const last = path.at(-1);
  if (!found && path.length > 0) {
    const parent = pathText(path.slice(0, -1));
    const what = last === 'Alpha' || last === 'Beta' || last === 'Stable' ? 'state' : 'field';
    return [{ node, message: `${parent}: missing required ${what} "${String(last)}"` }];
  }
  if (issue.code === 'invalid_value' && last === 'state') {
    const value = (node as { value?: unknown } | null)?.value;
    return [{ node, message: `unknown state "${String(value)}" (expected ${EXPECTED_STATES})` }];
  }
  return [{ node, message: `${where}: ${issue.message}` }];
}

/**
 * Parses and validates registry YAML. Pure: `file` is only used in the errors.
 * Returns the typed registry, or every problem found (syntax, schema, then cross-checks), sorted by line.
 */
export function parseRegistry(text: string, file: string): ParseRegistryResult {
  // Fast path for valid files in plain YAML. Anything else (or any problem) takes the full path below, which
  // keeps source positions and is the only one that reports errors, so the errors are exactly as before.
  const plain = parsePlainYaml(text);
  if (plain !== undefined) {
    const parsed = RegistrySchema.safeParse(plain);
    if (parsed.success && checkRegistrySemantics(plain).length === 0)
      return { ok: true, registry: parsed.data };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: RegistryError[] = [];
  const at = (offset: number | undefined, message: string): void => {
    const { line, col } = offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
    errors.push({ file, line, col, message });
  };
  const atNode = (node: Node | null, message: string): void => at(node?.range?.[0], message);

  if (doc.errors.length > 0) {
    for (const e of doc.errors) at(e.pos[0], e.message.split('\n')[0] ?? e.message);
    return { ok: false, errors: sortErrors(errors) };
  }
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) {
    at(undefined, 'registry is empty');
    return { ok: false, errors };
  }

  const parsed = RegistrySchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      for (const { node, message } of describeIssue(doc, issue)) atNode(node, message);
    }
  }
  for (const { path, message, related } of checkRegistrySemantics(raw)) {
    const relatedOffset = related ? locate(doc, related).node?.range?.[0] : undefined;
    const relatedLine = relatedOffset === undefined ? '?' : String(lineCounter.linePos(relatedOffset).line);
    atNode(locate(doc, path).node, message.replace('{line}', relatedLine));
  }

  if (errors.length > 0 || !parsed.success) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, registry: parsed.data };
}

function sortErrors(errors: RegistryError[]): RegistryError[] {
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const key = formatRegistryError(e);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.col - b.col);
}
