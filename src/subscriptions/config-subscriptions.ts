import type { Logger } from 'pino';
import type { Store, WorkspaceRef } from '../store/store.js';

/** Who a subscription made from NOTICE_CHANNELS is recorded as created by. */
export const CONFIG_SUBSCRIBER = 'NOTICE_CHANNELS';

/**
 * Makes the workspace's config subscriptions match NOTICE_CHANNELS: each listed channel gets `all`
 * (re-activated if it had been paused); config subscriptions of channels no longer listed are removed.
 * Subscriptions made with the command are never touched.
 */
export async function syncConfigSubscriptions(
  store: Store,
  ws: WorkspaceRef,
  channels: readonly string[],
  log: Logger,
): Promise<void> {
  const wanted = new Set(channels);
  for (const channelId of wanted) {
    await store.subscriptions.add(ws, {
      channelId,
      filter: { kind: 'all' },
      createdBy: CONFIG_SUBSCRIBER,
      source: 'config',
    });
  }
  for (const sub of await store.subscriptions.list(ws, { includeInactive: true })) {
    if (sub.source === 'config' && !wanted.has(sub.channelId))
      await store.subscriptions.remove(ws, sub.channelId, sub.filter);
  }
  if (wanted.size > 0) log.info({ channels: wanted.size }, 'NOTICE_CHANNELS subscribed to every change');
}
