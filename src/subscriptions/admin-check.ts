import type { WebClient } from '@slack/web-api';
import type { WorkspaceRef } from '../store/store.js';
import { lookUpPerson } from './people.js';

/** How long a person's admin flag is trusted before users.info is asked again. */
const ADMIN_CACHE_MS = 5 * 60 * 1000;

/**
 * Whether a person is a workspace admin or owner, remembered for a few minutes per workspace and person:
 * the Home tab is published often (every open, every click, every refresh) and need not ask Slack each time.
 * A failed look-up counts as "not an admin" and is not remembered.
 */
export function cachedAdminCheck(
  now: () => number = Date.now,
): (client: WebClient, ws: WorkspaceRef, userId: string) => Promise<boolean> {
  const known = new Map<string, { isAdmin: boolean; until: number }>();
  return async (client, ws, userId) => {
    const key = `${ws.teamId}/${userId}`;
    const hit = known.get(key);
    if (hit && hit.until > now()) return hit.isAdmin;
    const person = await lookUpPerson(client, userId);
    if (!person.ok) return false;
    if (known.size > 10_000) known.clear();
    known.set(key, { isAdmin: person.value.isAdmin, until: now() + ADMIN_CACHE_MS });
    return person.value.isAdmin;
  };
}
