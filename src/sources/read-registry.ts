import { readFile } from 'node:fs/promises';
import { type ParseRegistryResult, parseRegistry } from '../registry/load.js';

/**
 * Reads a registry YAML file and validates it with `parseRegistry`. A file that cannot be read rejects with
 * the underlying fs error; an invalid file resolves to `{ ok: false, errors }`.
 */
export async function loadRegistryFile(path: string): Promise<ParseRegistryResult> {
  return parseRegistry(await readFile(path, 'utf8'), path);
}
