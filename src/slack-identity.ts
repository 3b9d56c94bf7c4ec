import type { webApi } from '@slack/bolt';
import type { WorkspaceRef } from './store/store.js';

/** Who the bot is in the workspace its token belongs to, as auth.test says. */
export interface BotIdentity {
  workspace: WorkspaceRef;
  userId: string;
  /** The bot user's name, for "invite me with /invite @name". */
  name?: string;
}

/**
 * Asks auth.test who the token is: a single-workspace bot scopes everything it stores to that team. A token
 * Slack refuses rejects with its web-api error (start-up fails and says so).
 */
export async function identifyBot(client: webApi.WebClient): Promise<BotIdentity> {
  const auth = await client.auth.test();
  const teamId = auth.team_id ?? auth.enterprise_id;
  if (!teamId || !auth.user_id) throw new Error('auth.test answered without a team or a bot user');
  return {
    workspace: auth.enterprise_id ? { teamId, enterpriseId: auth.enterprise_id } : { teamId },
    userId: auth.user_id,
    ...(auth.user ? { name: auth.user } : {}),
  };
}
