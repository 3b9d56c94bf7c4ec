import { type ApiHandler, fail } from './api-context.js';
import { messageWire } from './conversations.js';
import { asString } from './values.js';

/** Slack's default page size for conversations.history (its maximum is 999). */
const DEFAULT_LIMIT = 100;

/** A ts as a number of seconds, for comparing; undefined for anything that is not one. */
function tsSeconds(value: unknown): number | undefined {
  const text = asString(value);
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/**
 * conversations.history from what the stand-in recorded: the channel's visible messages, newest first,
 * between `oldest` and `latest`, paged with a cursor, and with their metadata only when
 * include_all_metadata is set (as Slack does). A bot token reads only conversations the bot is a member of:
 * a public channel it posted in without joining answers not_in_channel, a private one channel_not_found.
 */
export const conversationsHistory: ApiHandler = (params, ctx) => {
  const id = asString(params.channel);
  const channel = id ? ctx.conversations.get(id) : undefined;
  if (!channel || (channel.isPrivate && !channel.isMember)) return fail('channel_not_found');
  if (!channel.isIm && !channel.isMember) return fail('not_in_channel');
  const oldest = tsSeconds(params.oldest) ?? 0;
  const latest = tsSeconds(params.latest) ?? Number.POSITIVE_INFINITY;
  const limit = Math.max(1, Math.min(999, Number(asString(params.limit) ?? DEFAULT_LIMIT) || DEFAULT_LIMIT));
  const offset = Number(asString(params.cursor)?.replace(/^offset:/, '') ?? 0) || 0;
  const withMetadata = ['true', '1'].includes(String(params.include_all_metadata));
  const visible = channel.messages
    .filter((m) => !m.ephemeral && !m.thread_ts)
    .filter((m) => {
      const t = Number(m.ts);
      return t > oldest && t < latest;
    })
    .reverse();
  const page = visible.slice(offset, offset + limit).map((m) => {
    const wire = messageWire(m, ctx.ids.teamId, ctx.ids.appId);
    if (!withMetadata) delete wire.metadata;
    return wire;
  });
  const more = offset + limit < visible.length;
  return {
    body: {
      ok: true,
      messages: page,
      has_more: more,
      pin_count: 0,
      response_metadata: { next_cursor: more ? `offset:${offset + limit}` : '' },
    },
  };
};
