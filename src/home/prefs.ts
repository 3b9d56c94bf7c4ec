import type { z } from 'zod';
import { LAST_ANNOUNCEMENT_KEY, LastAnnouncementSchema } from '../notices/last-announcement.js';
import { type FeatureFilter, FeatureFilterSchema } from '../registry/query/feature-filter.js';
import type { Registry } from '../registry/schema.js';
import type { LastAnnouncement } from '../render/slack/home.js';
import { parseJsonAs } from '../shared/json.js';
import type { Store } from '../store/store.js';

/** What Home remembers per user: the last filter and search (never a page: reopening starts at the top). */
const HomePrefsSchema = FeatureFilterSchema.pick({ state: true, category: true, query: true });
export type HomePrefs = z.infer<typeof HomePrefsSchema>;

/**
 * A user's saved Home filter, checked on read: a row written by another build, or naming a category that has
 * since gone, degrades to "no filter" for that part rather than breaking the Home tab.
 */
export function readHomePrefs(store: Store, userId: string, registry: Registry): HomePrefs {
  const prefs = parseJsonAs(HomePrefsSchema, store.getHomePrefs(userId)?.prefsJson);
  if (!prefs) return {};
  if (prefs.category && !registry.categories.some((c) => c.id === prefs.category)) {
    const { category: _gone, ...rest } = prefs;
    return rest;
  }
  return prefs;
}

/** Saves the filter and records that the user has Home open now (the refresher targets recent users). */
export function writeHomePrefs(store: Store, userId: string, prefs: FeatureFilter, now?: number): void {
  const { state, category, query } = prefs;
  store.setHomePrefs(userId, JSON.stringify({ state, category, query }), now);
}

/** The last change the notices service announced, if any (absent before the first notice). */
export function readLastAnnouncement(store: Store): LastAnnouncement | undefined {
  return parseJsonAs(LastAnnouncementSchema, store.getMeta(LAST_ANNOUNCEMENT_KEY));
}
