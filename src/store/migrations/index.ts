import { INITIAL_SCHEMA } from './001-initial.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration, in version order. Append new ones; never edit or reorder released ones. */
export const MIGRATIONS: readonly Migration[] = [INITIAL_SCHEMA];
