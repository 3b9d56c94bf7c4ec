import type { WebClient } from '@slack/web-api';
import type { RegistryProvider } from '../registry/provider.js';
import { renderHome } from '../render/slack/home.js';
import type { Store, WorkspaceRef } from '../store/store.js';
import { type AdminCheck, adminOverview } from './admin-overview.js';
import { type HomePrefs, readHomePrefs, readLastAnnouncement, writeHomePrefs } from './prefs.js';

export interface HomeDeps {
  registry: RegistryProvider;
  store: Store;
  now?: () => number;
  /** Who sees the admin section (notices this week, paused channels); without it nobody does. */
  isAdmin?: AdminCheck;
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
  ws: WorkspaceRef,
  userId: string,
  opts: PublishOptions = {},
): Promise<void> {
  const registry = deps.registry.current();
  const prefs = opts.prefs ?? (await readHomePrefs(deps.store, ws, userId, registry));
  if (opts.prefs || opts.touch) await writeHomePrefs(deps.store, ws, userId, prefs, deps.now?.());
  const lastAnnouncement = await readLastAnnouncement(deps.store);
  const admin =
    deps.isAdmin && (await deps.isAdmin(client, ws, userId))
      ? await adminOverview(deps.store, ws, (deps.now ?? Date.now)())
      : undefined;
  const view = renderHome(registry, {
    filter: prefs,
    page: opts.page ?? 0,
    ...(lastAnnouncement ? { lastAnnouncement } : {}),
    ...(admin ? { admin } : {}),
  });
  await client.views.publish({ user_id: userId, view });
}
