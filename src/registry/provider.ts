import type { Registry } from './schema.js';

/** Where the current registry comes from; it may change while the app runs (a saved edit, a new URL version). */
export interface RegistryProvider {
  current(): Registry;
}

/** What a registry source says about the version it gave. */
export interface SourceVersion {
  /** When the source last changed (a file's mtime, a URL's Last-Modified), epoch ms. */
  modifiedAt?: number;
}
