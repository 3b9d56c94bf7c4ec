import { randomUUID } from 'node:crypto';
import type { StandinIds } from './api-context.js';
import type { Conversations } from './conversations.js';
import type { ResponseUrlContext } from './types.js';

export const DEFAULT_COMMAND = '/osm-feature';
export const DEFAULT_CHANNEL = 'C0GENERAL';
export const DEFAULT_USER = 'U0USER';

export interface PayloadDeps {
  ids: StandinIds;
  conversations: Conversations;
  newResponseUrl: (context: ResponseUrlContext) => string;
}

function triggerId(): string {
  return `${Date.now()}.${randomUUID().slice(0, 8)}`;
}

/** Slash command form fields (all strings, as Slack sends them). `fields` override any default. */
export function buildCommandPayload(
  deps: PayloadDeps,
  text: string,
  fields: Partial<Record<string, string>> = {},
): Record<string, string> {
  const channelId = fields.channel_id ?? DEFAULT_CHANNEL;
  const userId = fields.user_id ?? DEFAULT_USER;
  const payload: Record<string, string> = {
    token: 'standin-verification-token',
    team_id: deps.ids.teamId,
    team_domain: 'standin',
    channel_id: channelId,
    channel_name: deps.conversations.get(channelId)?.name ?? 'unknown',
    user_id: userId,
    user_name: `user-${userId.toLowerCase()}`,
    command: DEFAULT_COMMAND,
    text,
    api_app_id: deps.ids.appId,
    is_enterprise_install: 'false',
    response_url: fields.response_url ?? deps.newResponseUrl({ channel: channelId, user: userId }),
    trigger_id: triggerId(),
  };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) payload[k] = v;
  return payload;
}

export interface EventEnvelopeOptions {
  eventId?: string;
  eventTime?: number;
}

/** The event_callback body Slack sends for an event, over HTTP or inside an events_api envelope. */
export function buildEventEnvelope(
  deps: PayloadDeps,
  event: Record<string, unknown>,
  opts: EventEnvelopeOptions = {},
): Record<string, unknown> {
  const eventTime = opts.eventTime ?? Math.floor(Date.now() / 1000);
  return {
    token: 'standin-verification-token',
    team_id: deps.ids.teamId,
    api_app_id: deps.ids.appId,
    event: { event_ts: `${eventTime}.000100`, ...event },
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`,
    event_time: eventTime,
    authorizations: [
      {
        enterprise_id: null,
        team_id: deps.ids.teamId,
        user_id: deps.ids.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

export interface BlockActionInput {
  action_id: string;
  value?: string;
  block_id?: string;
  type?: string;
  selected_option?: { text: { type: 'plain_text'; text: string }; value: string };
}

export interface BlockActionOptions {
  channel?: string;
  user?: string;
  /** ts of the message holding the button; replace_original on the response_url targets it. */
  messageTs?: string;
  message?: Record<string, unknown>;
}

/** A block_actions payload with a fresh response_url bound to the clicked message. */
export function buildBlockActionsPayload(
  deps: PayloadDeps,
  action: BlockActionInput,
  opts: BlockActionOptions = {},
): Record<string, unknown> {
  const channel = opts.channel ?? DEFAULT_CHANNEL;
  const user = opts.user ?? DEFAULT_USER;
  const stored = opts.messageTs ? deps.conversations.find(channel, opts.messageTs) : undefined;
  const context: ResponseUrlContext = { channel, user };
  if (opts.messageTs !== undefined) context.messageTs = opts.messageTs;
  const payload: Record<string, unknown> = {
    type: 'block_actions',
    user: { id: user, username: `user-${user.toLowerCase()}`, team_id: deps.ids.teamId },
    api_app_id: deps.ids.appId,
    token: 'standin-verification-token',
    team: { id: deps.ids.teamId, domain: 'standin' },
    channel: { id: channel, name: deps.conversations.get(channel)?.name ?? 'unknown' },
    container: opts.messageTs
      ? {
          type: 'message',
          message_ts: opts.messageTs,
          channel_id: channel,
          is_ephemeral: Boolean(stored?.ephemeral),
        }
      : { type: 'message', channel_id: channel },
    trigger_id: triggerId(),
    response_url: deps.newResponseUrl(context),
    actions: [
      {
        type: action.type ?? 'button',
        block_id: action.block_id ?? 'standin-block',
        action_ts: `${Math.floor(Date.now() / 1000)}.000200`,
        ...action,
      },
    ],
  };
  const message = opts.message ?? (stored ? { type: 'message', ...stored } : undefined);
  if (message) payload.message = message;
  return payload;
}
