import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A read-only file system of our own (a tmpfs mounted ro), where this machine lets a test mount one. */
export function readOnlyMount(): { dir: string; cleanup(): void } | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osm-ro-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', dir], {
    encoding: 'utf8',
  });
  if (mounted.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    cleanup: () => {
      spawnSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
