import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// This module runs from src/registry (tsx, vitest) and from dist/src/registry (the built bin), so the package
// root is two or three levels up. The first candidate that holds a data/ directory wins.
const ROOT_CANDIDATES = ['../../', '../../../'];

/** The package's root directory (with a trailing slash), found from this module's location. */
export function packageRoot(): string {
  for (const up of ROOT_CANDIDATES) {
    const root = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(`${root}data`)) return root;
  }
  return fileURLToPath(new URL(ROOT_CANDIDATES[0] ?? '../../', import.meta.url));
}

/** Absolute path of a file shipped in the package's data/ directory, e.g. `packageDataPath('features.yml')`. */
export function packageDataPath(name: string): string {
  return `${packageRoot()}data/${name}`;
}
