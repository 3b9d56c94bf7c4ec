import type { WebClient } from '@slack/web-api';
import { platformError } from './slack-error.js';

/** Whether the bot will be able to post notices in a channel, as far as Slack tells us now. */
export type Postability =
  | { kind: 'ok' }
  /** Private and the bot is not in it (or Slack will not even show it to us): it has to be invited. */
  | { kind: 'invite-needed' }
  | { kind: 'archived' }
  /** Slack would not say (e.g. missing_scope); subscribing still works if posting does. */
  | { kind: 'unknown'; error: string };

/**
 * Asks conversations.info at subscribe time, so the person subscribing hears about an invite now rather
 * than the first notice silently failing later. DMs with the bot (D…) are always postable and need
 * im:read to look up, so they are not asked about. Public channels take posts from non-members
 * (chat:write.public). A private channel the bot is not in usually answers channel_not_found.
 * Network failures propagate to the app's error handler.
 */
export async function checkPostable(client: WebClient, channelId: string): Promise<Postability> {
  if (channelId.startsWith('D')) return { kind: 'ok' };
  try {
    const info = await client.conversations.info({ channel: channelId });
    const channel = info.channel;
    if (!channel) return { kind: 'unknown', error: 'no channel in the answer' };
    if (channel.is_archived) return { kind: 'archived' };
    if (channel.is_im) return { kind: 'ok' };
    const isPrivate = channel.is_private === true || channel.is_group === true || channel.is_mpim === true;
    if (isPrivate && channel.is_member !== true) return { kind: 'invite-needed' };
    return { kind: 'ok' };
  } catch (err) {
    const error = platformError(err);
    if (error === undefined) throw err;
    if (error === 'channel_not_found') return { kind: 'invite-needed' };
    return { kind: 'unknown', error };
  }
}
