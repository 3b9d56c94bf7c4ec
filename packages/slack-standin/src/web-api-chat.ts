import { type ApiContext, type ApiHandler, type ApiOutcome, fail, missing } from './api-context.js';
import { collectBlockIssues, type LimitIssue, rejectingIssues, validateMessage } from './block-kit-limits.js';
import { messageWire, type NewMessage } from './conversations.js';
import type { ChannelState } from './types.js';
import { asArray, asString, isRecord } from './values.js';

/** Resolve `channel` and apply Slack's posting rules; an ApiOutcome means "answer this error". */
function postableChannel(params: Record<string, unknown>, ctx: ApiContext): ChannelState | ApiOutcome {
  const ref = asString(params.channel);
  const channel = ref ? ctx.scope.resolveChannel(ref) : undefined;
  if (!channel) return fail('channel_not_found');
  if (channel.isArchived) return fail('is_archived');
  // Public channels accept posts from non-members (chat:write.public); private ones do not.
  if (channel.isPrivate && !channel.isMember) return fail('not_in_channel');
  return channel;
}

function isOutcome(value: ChannelState | ApiOutcome): value is ApiOutcome {
  return 'body' in value;
}

interface Content {
  fields: NewMessage;
  issues: LimitIssue[];
  error?: ApiOutcome;
}

/** Text, blocks and attachments of a post, checked against Block Kit limits. */
function messageContent(params: Record<string, unknown>, requireSomething: boolean): Content {
  const text = asString(params.text);
  const { blocks, attachments } = params;
  if (typeof blocks === 'string') return { fields: {}, issues: [], error: fail('invalid_blocks_format') };
  if (typeof attachments === 'string') return { fields: {}, issues: [], error: fail('invalid_attachments') };
  if (requireSomething && !text && blocks === undefined && attachments === undefined) {
    return { fields: {}, issues: [], error: fail('no_text') };
  }
  const issues = validateMessage({ text, blocks, attachments });
  const rejecting = rejectingIssues(issues);
  const fields: NewMessage = { text, blocks: asArray(blocks), attachments: asArray(attachments) };
  if (params.metadata !== undefined) fields.metadata = params.metadata;
  const first = rejecting[0];
  if (first)
    return {
      fields,
      issues,
      error: fail(
        first.error,
        rejecting.map((i) => i.message),
      ),
    };
  return { fields, issues };
}

const postMessage: ApiHandler = (params, ctx) => {
  const channel = postableChannel(params, ctx);
  if (isOutcome(channel)) return channel;
  const content = messageContent(params, true);
  if (content.error) return { ...content.error, issues: content.issues };
  const stored = ctx.conversations.post(channel.id, {
    ...content.fields,
    user: ctx.ids.botUserId,
    bot_id: ctx.ids.botId,
    thread_ts: asString(params.thread_ts),
  });
  const message = messageWire(stored, ctx.ids.teamId, ctx.ids.appId);
  return { body: { ok: true, channel: channel.id, ts: stored.ts, message }, issues: content.issues };
};

const postEphemeral: ApiHandler = (params, ctx) => {
  const channel = postableChannel(params, ctx);
  if (isOutcome(channel)) return channel;
  const user = asString(params.user);
  if (!user) return missing('user');
  const content = messageContent(params, true);
  if (content.error) return { ...content.error, issues: content.issues };
  const stored = ctx.conversations.post(channel.id, {
    ...content.fields,
    user: ctx.ids.botUserId,
    bot_id: ctx.ids.botId,
    thread_ts: asString(params.thread_ts),
    ephemeral: { user },
  });
  return { body: { ok: true, message_ts: stored.ts }, issues: content.issues };
};

/** The bot's own visible message that chat.update / chat.delete name, or Slack's error for it. */
function ownMessage(
  params: Record<string, unknown>,
  ctx: Parameters<ApiHandler>[1],
  notOwn: string,
): { channelId: string; ts: string } | { error: ReturnType<ApiHandler> } {
  const channelId = asString(params.channel);
  const ts = asString(params.ts);
  if (!channelId || !ctx.conversations.get(channelId)) return { error: fail('channel_not_found') };
  if (!ts) return { error: missing('ts') };
  const existing = ctx.conversations.find(channelId, ts);
  if (!existing || existing.ephemeral) return { error: fail('message_not_found') };
  if (existing.bot_id !== ctx.ids.botId) return { error: fail(notOwn) };
  return { channelId, ts };
}

const update: ApiHandler = (params, ctx) => {
  const target = ownMessage(params, ctx, 'cant_update_message');
  if ('error' in target) return target.error;
  const { channelId, ts } = target;
  const content = messageContent(params, false);
  if (content.error) return { ...content.error, issues: content.issues };
  // Slack keeps the previous blocks when the field is left out; [] removes them.
  const patch: Partial<NewMessage> = { text: content.fields.text ?? '' };
  if (params.blocks !== undefined) patch.blocks = content.fields.blocks;
  if (params.attachments !== undefined) patch.attachments = content.fields.attachments;
  const stored = ctx.conversations.replace(channelId, ts, patch);
  if (!stored) return fail('message_not_found');
  const message = messageWire(stored, ctx.ids.teamId, ctx.ids.appId);
  return {
    body: { ok: true, channel: channelId, ts, text: stored.text ?? '', message },
    issues: content.issues,
  };
};

const remove: ApiHandler = (params, ctx) => {
  const target = ownMessage(params, ctx, 'cant_delete_message');
  if ('error' in target) return target.error;
  const { channelId, ts } = target;
  ctx.conversations.remove(channelId, ts);
  return { body: { ok: true, channel: channelId, ts } };
};

const unfurl: ApiHandler = (params, ctx) => {
  const channelId = asString(params.channel);
  const ts = asString(params.ts);
  const bySource = asString(params.unfurl_id) !== undefined && asString(params.source) !== undefined;
  if (!bySource && (!channelId || !ts)) return missing('channel and ts (or unfurl_id and source)');
  if (channelId && !ctx.conversations.get(channelId)) return fail('channel_not_found');
  const unfurls = params.unfurls;
  if (!isRecord(unfurls)) return fail('invalid_unfurls_format');
  const collector = { issues: [] as LimitIssue[], textChars: 0 };
  for (const [url, value] of Object.entries(unfurls)) {
    if (isRecord(value) && value.blocks !== undefined) {
      collectBlockIssues(collector, value.blocks, 50, `/unfurls/${encodeURIComponent(url)}/blocks`);
    }
  }
  const first = collector.issues[0];
  if (first)
    return {
      ...fail(
        first.error,
        collector.issues.map((i) => i.message),
      ),
      issues: collector.issues,
    };
  // The shared link was usually posted by a human the model never saw; attach only when we know it.
  if (channelId && ts && ctx.conversations.find(channelId, ts))
    ctx.conversations.replace(channelId, ts, { unfurls });
  return { body: { ok: true } };
};

const getPermalink: ApiHandler = (params, ctx) => {
  const channelId = asString(params.channel);
  const ts = asString(params.message_ts);
  if (!channelId || !ctx.conversations.get(channelId)) return fail('channel_not_found');
  if (!ts) return missing('message_ts');
  const permalink = `https://standin.slack.com/archives/${channelId}/p${ts.replace('.', '')}`;
  return { body: { ok: true, channel: channelId, permalink } };
};

export const CHAT_HANDLERS: Record<string, ApiHandler> = {
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.delete': remove,
  'chat.unfurl': unfurl,
  'chat.getPermalink': getPermalink,
};
