import { randomUUID } from 'node:crypto';
import type { Conversations } from './conversations.js';
import type { ResponseUrlContext } from './types.js';

export const DEFAULT_COMMAND = '/osm-feature';
export const DEFAULT_CHANNEL = 'C0GENERAL';
export const DEFAULT_USER = 'U0USER';

/** The workspace a payload comes from, and the installation that serves it there. */
export interface PayloadTeam {
  teamId: string;
  domain: string;
  enterpriseId?: string;
  enterpriseName?: string;
  /** The serving installation's bot: the team's own, or its organisation's for an org-wide install. */
  botUserId: string;
  isEnterpriseInstall: boolean;
  defaultChannel: string;
  defaultUser: string;
}

export interface PayloadDeps {
  appId: string;
  /** The named workspace, or the default one. */
  team: (id: string | undefined) => PayloadTeam;
  conversations: Conversations;
  newResponseUrl: (context: ResponseUrlContext) => string;
}

/**
 * Fields every payload type spells its own way: commands carry strings (`is_enterprise_install: 'false'`),
 * interactions objects. An org-wide install's events name no team in their authorization.
 */
function authorization(team: PayloadTeam): Record<string, unknown> {
  return {
    enterprise_id: team.enterpriseId ?? null,
    team_id: team.isEnterpriseInstall ? null : team.teamId,
    user_id: team.botUserId,
    is_bot: true,
    is_enterprise_install: team.isEnterpriseInstall,
  };
}

function triggerId(): string {
  return `${Date.now()}.${randomUUID().slice(0, 8)}`;
}

/**
 * Slash command form fields (all strings, as Slack sends them). `fields` override any default; its `team`
 * picks the workspace the command comes from (and is not itself sent: Slack has no such field).
 */
export function buildCommandPayload(
  deps: PayloadDeps,
  text: string,
  fields: Partial<Record<string, string>> = {},
): Record<string, string> {
  const { team: teamId, ...overrides } = fields;
  const team = deps.team(teamId);
  const channelId = overrides.channel_id ?? team.defaultChannel;
  const userId = overrides.user_id ?? team.defaultUser;
  const payload: Record<string, string> = {
    token: 'standin-verification-token',
    team_id: team.teamId,
    team_domain: team.domain,
    channel_id: channelId,
    channel_name: deps.conversations.get(channelId)?.name ?? 'unknown',
    user_id: userId,
    user_name: `user-${userId.toLowerCase()}`,
    command: DEFAULT_COMMAND,
    text,
    api_app_id: deps.appId,
    is_enterprise_install: String(team.isEnterpriseInstall),
    response_url:
      overrides.response_url ?? deps.newResponseUrl({ channel: channelId, user: userId, team: team.teamId }),
    trigger_id: triggerId(),
  };
  if (team.enterpriseId !== undefined) {
    payload.enterprise_id = team.enterpriseId;
    payload.enterprise_name = team.enterpriseName ?? '';
  }
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) payload[k] = v;
  return payload;
}

export interface EventEnvelopeOptions {
  eventId?: string;
  eventTime?: number;
  /** The workspace the event happens in (default: the default team). */
  team?: string;
}

/** The event_callback body Slack sends for an event, over HTTP or inside an events_api envelope. */
export function buildEventEnvelope(
  deps: PayloadDeps,
  event: Record<string, unknown>,
  opts: EventEnvelopeOptions = {},
): Record<string, unknown> {
  const eventTime = opts.eventTime ?? Math.floor(Date.now() / 1000);
  const team = deps.team(opts.team);
  const envelope: Record<string, unknown> = {
    token: 'standin-verification-token',
    team_id: team.teamId,
    api_app_id: deps.appId,
    event: { event_ts: `${eventTime}.000100`, ...event },
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`,
    event_time: eventTime,
    authorizations: [authorization(team)],
    is_ext_shared_channel: false,
  };
  if (team.enterpriseId !== undefined) envelope.enterprise_id = team.enterpriseId;
  return envelope;
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
  /** The workspace the click happens in (default: the default team). */
  team?: string;
}

/** A block_actions payload with a fresh response_url bound to the clicked message. */
export function buildBlockActionsPayload(
  deps: PayloadDeps,
  action: BlockActionInput,
  opts: BlockActionOptions = {},
): Record<string, unknown> {
  const team = deps.team(opts.team);
  const channel = opts.channel ?? team.defaultChannel;
  const user = opts.user ?? team.defaultUser;
  const stored = opts.messageTs ? deps.conversations.find(channel, opts.messageTs) : undefined;
  const context: ResponseUrlContext = { channel, user, team: team.teamId };
  if (opts.messageTs !== undefined) context.messageTs = opts.messageTs;
  const teamField: Record<string, unknown> = { id: team.teamId, domain: team.domain };
  if (team.enterpriseId !== undefined) {
    Object.assign(teamField, {
      enterprise_id: team.enterpriseId,
      enterprise_name: team.enterpriseName ?? '',
    });
  }
  const payload: Record<string, unknown> = {
    type: 'block_actions',
    user: { id: user, username: `user-${user.toLowerCase()}`, team_id: team.teamId },
    api_app_id: deps.appId,
    token: 'standin-verification-token',
    team: teamField,
    enterprise:
      team.enterpriseId === undefined ? null : { id: team.enterpriseId, name: team.enterpriseName ?? '' },
    is_enterprise_install: team.isEnterpriseInstall,
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
