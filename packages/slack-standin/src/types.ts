import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OAuthOptions, TeamSpec, TeamUserSpec } from './team-types.js';

/** A conversation the stand-in knows about. Ids follow Slack's prefixes: C (public), G/C (private), D (im). */
export interface ChannelSpec {
  id: string;
  name: string;
  isPrivate?: boolean;
  isMember?: boolean;
  isArchived?: boolean;
  isIm?: boolean;
  /** For an im: the human on the other side. */
  user?: string;
  /** The user id conversations.info gives as the channel's `creator`. */
  creator?: string;
}

export interface RateLimitOptions {
  perChannelPerSecond: number;
  workspacePerSecond: number;
}

/**
 * The top-level ids, token, channels and users describe the default team (T0STANDIN), as they did before
 * the stand-in served several; `teams` adds more workspaces.
 */
export interface StandinOptions {
  signingSecret?: string;
  botToken?: string;
  appToken?: string;
  teamId?: string;
  /** The default team's name (default 'Standin'). */
  teamName?: string;
  botUserId?: string;
  botId?: string;
  channels?: ChannelSpec[];
  /** The default team's configured people (anyone else is an ordinary member in UTC). */
  users?: TeamUserSpec[];
  /** More workspaces, each with its own bot, token, channels and people. */
  teams?: TeamSpec[];
  /** Enables Slack's OAuth v2 install: /oauth/v2/authorize and oauth.v2.access. */
  oauth?: OAuthOptions;
  /** chat.postMessage limits, applied to each workspace apart. */
  rateLimits?: RateLimitOptions | false;
  appUrl?: string;
  /** Port to listen on (default 0: an ephemeral port). The sandbox serves its page on a fixed one. */
  port?: number;
  /** Interface to bind (default '127.0.0.1'). The sandbox passes HOST so the page can be reached. */
  host?: string;
  /** Return true when the request was handled. Only asked for paths outside /api/ and /respond/. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** Clock in ms, used by the rate limiter and for RecordedCall.at. */
  now?: () => number;
}

/** 'oauth': a browser's visit to /oauth/v2/authorize. */
export type RecordedCallKind = 'api' | 'respond' | 'socket-ack' | 'unknown' | 'oauth';

export interface RecordedCall {
  seq: number;
  kind: RecordedCallKind;
  /** Web API method, 'response_url' for kind respond, 'ack' for socket acks, 'oauth.v2.authorize'. */
  method: string;
  params: Record<string, unknown>;
  token?: string;
  /** The workspace a Web API call acted in. */
  team?: string;
  /** HTTP status answered; 0 when a fault hung or reset the connection. */
  status: number;
  response: unknown;
  at: number;
  responseUrlId?: string;
  /** For socket acks: the type of the envelope that was acked. */
  envelopeType?: EnvelopeType;
}

export type Fault =
  | { status: number; retryAfter?: number }
  | { error: string }
  | { hang: true }
  | { reset: true }
  /**
   * Slack does the work (a post is kept in the channel), then its answer is lost: the connection resets
   * before it arrives, or it comes `delayMs` later (past the client's timeout, say).
   */
  | { lostAnswer: 'reset' }
  | { lostAnswer: 'delay'; delayMs: number };

export interface FaultOptions {
  times?: number;
  channel?: string;
  /** Only calls acting in this workspace (a 429 for one team, say). */
  team?: string;
}

export interface SendOpts {
  /** Sign with this secret instead of the stand-in's. */
  secret?: string;
  /** Unix seconds for X-Slack-Request-Timestamp (default: now). */
  timestamp?: number;
  /** A literal X-Slack-Signature value, or null to leave the header out. */
  signature?: string | null;
  /** Path on the app (default '/slack/events'). */
  path?: string;
  omitHeaders?: ('timestamp' | 'signature')[];
  /** Abort the request after this many ms (default 10000). */
  timeoutMs?: number;
}

export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface StoredMessage {
  ts: string;
  channel: string;
  user?: string;
  bot_id?: string;
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
  metadata?: unknown;
  unfurls?: Record<string, unknown>;
  /** Set when the message is only visible to one user. */
  ephemeral?: { user: string };
  /** Set once chat.update or replace_original changed the message in place. */
  replaced?: boolean;
}

export interface ChannelState {
  id: string;
  name: string;
  isPrivate: boolean;
  isMember: boolean;
  isArchived: boolean;
  isIm: boolean;
  user?: string;
  creator?: string;
  messages: StoredMessage[];
}

export type ConversationChangeType = 'posted' | 'updated' | 'deleted' | 'ephemeral';

export interface ConversationChange {
  type: ConversationChangeType;
  channel: string;
  message: StoredMessage;
}

export interface HomeViewChange {
  user: string;
  view: Record<string, unknown>;
}

export interface ResponseUrlContext {
  channel?: string;
  user?: string;
  messageTs?: string;
  /** The workspace the command or click came from; its bot posts what the app sends here. */
  team?: string;
}

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface SocketAck {
  envelope_id: string;
  payload: unknown;
}

/**
 * A message that broke a Block Kit limit or lacked `text`, or a call whose token belongs to another team
 * than a channel or user it names (error 'token_team_mismatch'); assertClean() fails on any of these.
 */
export interface Violation {
  seq: number;
  method: string;
  error: string;
  messages: string[];
}

export interface StandinEvents {
  call: [RecordedCall];
  message: [ConversationChange];
  home: [HomeViewChange];
}
