import { type FSWatcher, watch } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { RegistryTooLargeError } from './size-cap.js';

export interface FileWatchOptions {
  /** A file larger than this is refused before it is read (REGISTRY_MAX_BYTES). */
  maxBytes: number;
  /** Quiet time after the last event before the file is read (editors write in several steps). */
  debounceMs: number /** The file's text, and its mtime (epoch ms). */;
  onContent(text: string, modifiedAt: number): void;
  /** The file could not be read (deleted, mid-rename): it is looked at again on the next event. */
  onReadError(err: unknown): void;
}

export interface FileWatch {
  /** Reads the file now (at start, to catch edits made before the watch began). */
  check(): void;
  close(): void;
}

/**
 * Watches one file by watching its directory. Editors that save by writing a temp file and renaming it
 * over the original replace the inode, and a watch on the file itself goes deaf after the first save;
 * a directory watch sees the rename. Events are debounced, then the file is read whole.
 *
 * A Kubernetes ConfigMap volume never changes the file's own entry: `features.yml` is a symlink to
 * `..data/features.yml`, and an update writes a new timestamped directory and atomically renames a new
 * `..data` symlink over the old one. So events on the volume's `..`-prefixed entries count too.
 */
export function watchRegistryFile(file: string, opts: FileWatchOptions): FileWatch {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let reading: Promise<void> | undefined;
  let again = false;

  const read = (): void => {
    if (closed) return;
    // One read at a time; an event during a read asks for one more afterwards.
    if (reading) {
      again = true;
      return;
    }
    reading = readWithMtime(file, opts.maxBytes)
      .then(({ text, modifiedAt }) => {
        if (!closed) opts.onContent(text, modifiedAt);
      })
      .catch((err: unknown) => {
        if (!closed) opts.onReadError(err);
      })
      .finally(() => {
        reading = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
  };

  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(read, opts.debounceMs);
  };

  const watcher: FSWatcher = watch(dir, { persistent: false }, (_event, name) => {
    // Some platforms do not say which file changed; then any change in the directory counts.
    if (name === null || name === base || name.startsWith('..')) schedule();
  });
  watcher.on('error', (err) => opts.onReadError(err));

  return {
    check: read,
    close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    },
  };
}

/**
 * A file's text and its mtime, from one open file (so a rename between the two cannot mix versions). Its
 * size is checked first: a file over `maxBytes` is refused without being read.
 */
export async function readWithMtime(
  file: string,
  maxBytes: number,
): Promise<{ text: string; modifiedAt: number }> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (info.size > maxBytes) throw new RegistryTooLargeError(info.size, maxBytes);
    return { text: await handle.readFile('utf8'), modifiedAt: info.mtimeMs };
  } finally {
    await handle.close();
  }
}
