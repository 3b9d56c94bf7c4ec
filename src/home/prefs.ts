import type { Announcement } from '../registry/history/announcement.js';
import type { HomeFilter } from '../registry/query/feature-filter.js';
import type { Registry } from '../registry/schema.js';
import type { Store, WorkspaceRef } from '../store/store.js';

/** What Home remembers per user: the last filter and search (never a page: reopening starts at the top). */
export type HomePrefs = HomeFilter;

/**
 * A user's saved Home filter, checked on read: a category that has since gone degrades to "no filter" for
 * that part rather than breaking the Home tab (the store already drops a row another build wrote).
 */
export async function readHomePrefs(
  store: Store,
  ws: WorkspaceRef,
  userId: string,
  registry: Registry,
): Promise<HomePrefs> {
  const prefs = (await store.homes.get(ws, userId))?.prefs ?? {};
  if (prefs.category && !registry.categories.some((c) => c.id === prefs.category)) {
    const { category: _gone, ...rest } = prefs;
    return rest;
  }
  return prefs;
}

/** Saves the filter and records that the user has Home open now (the refresher targets recent users). */
export function writeHomePrefs(
  store: Store,
  ws: WorkspaceRef,
  userId: string,
  prefs: HomePrefs,
  now?: number,
): Promise<void> {
  return store.homes.set(ws, userId, prefs, now);
}

/** The last change the notices service announced, if any (absent before the first notice). */
export function readLastAnnouncement(store: Store): Promise<Announcement | undefined> {
  return store.announcements.last();
}
