import { type Logger as BoltLogger, webApi } from '@slack/bolt';
import type { WorkspaceRef } from '../store/store.js';

/** Clients kept at most; a rotated or re-issued token gets a new one. */
const MAX_CLIENTS = 1_000;

/**
 * A Web API client per workspace, each with that workspace's current token (views.publish for Home
 * refreshes takes no token argument). A client is reused while its workspace's token stays the same.
 */
export function workspaceClients(
  tokenFor: (ws: WorkspaceRef) => Promise<string>,
  slackApiUrl: string | undefined,
  logger: BoltLogger,
): (ws: WorkspaceRef) => Promise<webApi.WebClient> {
  const clients = new Map<string, webApi.WebClient>();
  return async (ws) => {
    const token = await tokenFor(ws);
    let client = clients.get(token);
    if (!client) {
      if (clients.size >= MAX_CLIENTS) clients.clear();
      client = new webApi.WebClient(token, { ...(slackApiUrl ? { slackApiUrl } : {}), logger });
      clients.set(token, client);
    }
    return client;
  };
}
