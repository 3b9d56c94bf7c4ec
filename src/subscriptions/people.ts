import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { platformError } from './slack-error.js';

/** What the bot needs to know about a person: whether they administer the workspace, and their time zone. */
export interface Person {
  /** A workspace admin or owner (users.info is_admin / is_owner). */
  isAdmin: boolean;
  /** An IANA time zone, when Slack gave one. */
  tz?: string;
}

/** A Slack answer, or the error Slack gave instead. */
export type Lookup<T> = { ok: true; value: T } | { ok: false; error: string };

const UserSchema = z.object({
  is_admin: z.boolean().optional(),
  is_owner: z.boolean().optional(),
  is_primary_owner: z.boolean().optional(),
  tz: z.string().min(1).optional(),
});
const ChannelSchema = z.object({
  creator: z.string().min(1).optional(),
  is_im: z.boolean().optional(),
  user: z.string().optional(),
});

/** Slack's ok:false errors come back as a Lookup; anything else (the network) goes to the error handler. */
async function lookUp<T>(call: () => Promise<T>): Promise<Lookup<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (err) {
    const error = platformError(err);
    if (error === undefined) throw err;
    return { ok: false, error };
  }
}

/** users.info (https://api.slack.com/methods/users.info): admin flags and time zone. */
export async function lookUpPerson(client: WebClient, userId: string): Promise<Lookup<Person>> {
  const answer = await lookUp(() => client.users.info({ user: userId }));
  if (!answer.ok) return answer;
  const user = UserSchema.safeParse(answer.value.user ?? {});
  if (!user.success) return { ok: false, error: 'users.info gave an unreadable user' };
  const { is_admin, is_owner, is_primary_owner, tz } = user.data;
  return {
    ok: true,
    value: {
      isAdmin: is_admin === true || is_owner === true || is_primary_owner === true,
      ...(tz ? { tz } : {}),
    },
  };
}

/**
 * Who created a channel (conversations.info `creator`); for a DM, the person on the other side, whose
 * conversation it is. Undefined when Slack does not say.
 */
export async function channelOwner(
  client: WebClient,
  channelId: string,
): Promise<Lookup<string | undefined>> {
  const answer = await lookUp(() => client.conversations.info({ channel: channelId }));
  if (!answer.ok) return answer;
  const channel = ChannelSchema.safeParse(answer.value.channel ?? {});
  if (!channel.success) return { ok: false, error: 'conversations.info gave an unreadable channel' };
  return { ok: true, value: channel.data.is_im ? channel.data.user : channel.data.creator };
}
