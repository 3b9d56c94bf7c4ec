import type { WebClient } from '@slack/web-api';
import type { RegistryProvider } from '../registry/provider.js';
import { renderHome } from '../render/slack/home.js';
import type { Store } from '../store/store.js';
import { type HomePrefs, readHomePrefs, readLastAnnouncement, writeHomePrefs } from './prefs.js';

export interface HomeDeps {
  registry: RegistryProvider;
  store: Store;
  now?: () => number;
}

export interface PublishOptions {
  /** A new filter to remember before publishing; omitted = keep the saved one. */
  prefs?: HomePrefs;
  page?: number;
  /** Record the user as having Home open now (on open and on every interaction, not on a refresh). */
  touch?: boolean;
}

/**
 * Renders a user's Home tab from the current registry and their saved filter, and publishes it.
 * views.publish replaces the whole view, so every publish draws the complete dashboard.
 */
export async function publishHome(
  deps: HomeDeps,
  client: WebClient,
  userId: string,
  opts: PublishOptions = {},
): Promise<void> {
  const registry = deps.registry.current();
  const prefs = opts.prefs ?? readHomePrefs(deps.store, userId, registry);
  if (opts.prefs || opts.touch) writeHomePrefs(deps.store, userId, prefs, deps.now?.());
  const view = renderHome(registry, {
    filter: prefs,
    page: opts.page ?? 0,
    lastAnnouncement: readLastAnnouncement(deps.store),
  });
  await client.views.publish({ user_id: userId, view });
}
