import type { Registry } from './schema.js';

/** Where the current registry comes from; it may change while the app runs (a saved edit, a new URL version). */
export interface RegistryProvider {
  current(): Registry;
}
