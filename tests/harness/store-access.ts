import type { SqliteStore } from '../../src/store/sqlite/open-sqlite.js';
import type { Store } from '../../src/store/store.js';

/** The SQLite handle under a store, for tests that write rows the app itself never would. */
export function sqliteOf(store: Store): SqliteStore {
  if (!('raw' in store)) throw new Error('this test needs the SQLite store');
  return store as SqliteStore;
}

/** Records a last announcement for the Home tab, on top of the committed snapshot. */
export async function recordAnnouncement(store: Store, at: number, summary: string): Promise<void> {
  const current = await store.announcements.current();
  if (!current?.registry) throw new Error('no committed registry');
  const result = await store.announcements.commit({
    changeSetId: `cs-test-${at}`,
    expectedHash: current.hash,
    snapshot: { hash: current.hash, registry: current.registry },
    notices: [],
    announcement: { at, summary },
  });
  if (result.kind !== 'committed') throw new Error(`announcement not recorded: ${result.kind}`);
}
