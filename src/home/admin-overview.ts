import type { WebClient } from '@slack/web-api';
import type { AdminOverview } from '../answer/settings-result.js';
import type { Store, WorkspaceRef } from '../store/store.js';

/** How far back the admin section counts notices. */
export const ADMIN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** Whether a person administers the workspace (an admin or owner); injected, as it asks Slack. */
export type AdminCheck = (client: WebClient, ws: WorkspaceRef, userId: string) => Promise<boolean>;

/** The workspace's notices of the last 7 days and its paused channels, from the store. */
export async function adminOverview(store: Store, ws: WorkspaceRef, now: number): Promise<AdminOverview> {
  const [tally, subscriptions] = await Promise.all([
    store.outbox.tally(ws, now - ADMIN_WINDOW_MS),
    store.subscriptions.list(ws, { includeInactive: true }),
  ]);
  const paused = new Map<string, string>();
  for (const sub of subscriptions) {
    if (!sub.active && !paused.has(sub.channelId))
      paused.set(sub.channelId, sub.deactivatedReason ?? 'paused');
  }
  return { ...tally, paused: [...paused].map(([channelId, reason]) => ({ channelId, reason })) };
}
