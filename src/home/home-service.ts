import type { WebClient } from '@slack/web-api';
import type { HomePrefs } from './prefs.js';
import { readHomePrefs } from './prefs.js';
import { type HomeDeps, type PublishOptions, publishHome } from './publish.js';

/** The Home tab as listeners use it: publish a user's dashboard, read their saved filter. */
export interface HomeService {
  publish(client: WebClient, userId: string, opts?: PublishOptions): Promise<void>;
  /** The user's saved filter, checked against the current registry. */
  savedPrefs(userId: string): Promise<HomePrefs>;
}

export function createHomeService(deps: HomeDeps): HomeService {
  return {
    publish: (client, userId, opts) => publishHome(deps, client, userId, opts),
    savedPrefs: async (userId) => readHomePrefs(deps.store, userId, deps.registry.current()),
  };
}
