import type { WebClient } from '@slack/web-api';
import type { WorkspaceRef } from '../store/store.js';
import type { HomePrefs } from './prefs.js';
import { readHomePrefs } from './prefs.js';
import { type HomeDeps, type PublishOptions, publishHome } from './publish.js';

/** The Home tab as listeners use it: publish a user's dashboard, read their saved filter. */
export interface HomeService {
  publish(client: WebClient, ws: WorkspaceRef, userId: string, opts?: PublishOptions): Promise<void>;
  /** The user's saved filter, checked against the current registry. */
  savedPrefs(ws: WorkspaceRef, userId: string): Promise<HomePrefs>;
}

export function createHomeService(deps: HomeDeps): HomeService {
  return {
    publish: (client, ws, userId, opts) => publishHome(deps, client, ws, userId, opts),
    savedPrefs: (ws, userId) => readHomePrefs(deps.store, ws, userId, deps.registry.current()),
  };
}
