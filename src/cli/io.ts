import { isAbsolute, relative, resolve } from 'node:path';

/** Everything the CLI touches outside itself, so tests can run it in-process with fakes. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  /** Relative paths in arguments are resolved against this directory. */
  cwd: string;
}

/** The CLI's exit codes. */
export const EXIT = {
  ok: 0,
  /** A file could not be read, or is not a valid registry, page or mapping. */
  invalid: 1,
  /** Bad arguments or an unknown command. */
  usage: 2,
  /** `diff` found changes. */
  changed: 3,
} as const;

/** A command-line path made absolute against the CLI's working directory. */
export function absolutePath(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}

/** How a path is shown in messages: relative to the working directory when it lies inside it. */
export function displayPath(io: CliIo, absolute: string): string {
  const rel = relative(io.cwd, absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

/** Writes a line (a newline is added) to stdout or stderr. */
export function println(stream: CliIo['stdout'], text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
