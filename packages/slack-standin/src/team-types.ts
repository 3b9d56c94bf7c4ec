import type { ChannelSpec } from './types.js';

/** A person (or bot) in a workspace, as users.info describes them. */
export interface TeamUserSpec {
  id: string;
  name: string;
  realName?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  isPrimaryOwner?: boolean;
  isBot?: boolean;
  deleted?: boolean;
  /** An IANA time zone such as 'Europe/Berlin' (default 'UTC'); tz_offset follows the stand-in's clock. */
  tz?: string;
}

/**
 * A workspace besides the default one. Channel and user ids are global in Slack, so an id may belong to
 * one team only; the stand-in refuses a duplicate when it is configured.
 */
export interface TeamSpec {
  id: string;
  name: string;
  /** Default: the name, lower-cased, with anything but letters and digits turned into '-'. */
  domain?: string;
  /** The Enterprise Grid organisation the workspace belongs to. */
  enterpriseId?: string;
  enterpriseName?: string;
  /** Default `U<id without its T>BOT`, e.g. U0AAABOT for T0AAA. */
  botUserId?: string;
  /** Default `B<id without its T>BOT`. */
  botId?: string;
  /** The token of the installation the team starts with (default: a random xoxb-). */
  botToken?: string;
  /** Default true: the app starts installed with botToken. false: no token until install(). */
  installed?: boolean;
  /** Default: one public channel `C<id without its T>GENERAL` named general. */
  channels?: ChannelSpec[];
  users?: TeamUserSpec[];
}

/** The app's OAuth credentials, as its Basic Information page shows them. */
export interface OAuthOptions {
  clientId: string;
  clientSecret: string;
  /**
   * The app's configured Redirect URL. An authorize request's redirect_uri must be it or lie below it.
   * Default: `<appUrl>/slack/oauth_redirect`, read when the request comes.
   */
  redirectUri?: string;
  /** Token rotation: access tokens expire and come with a single-use refresh token. */
  tokenRotation?: boolean;
  /** Lifetime of a rotating access token (default 43200, Slack's 12 hours). */
  expiresInSeconds?: number;
  /** How long an authorization code may be exchanged (default 600: Slack's codes live ten minutes). */
  codeTtlSeconds?: number;
}

/** What the stand-in knows about one workspace. */
export interface TeamInfo {
  id: string;
  name: string;
  domain: string;
  enterpriseId?: string;
  botUserId: string;
  botId: string;
  /** Where sendCommand / sendEvent / block actions happen when the test names no channel or user. */
  defaultChannel: string;
  defaultUser: string;
  /** The newest live bot token that can act in this team (team or org-wide install); undefined if none. */
  botToken?: string;
}

/** One oauth.v2.access call with grant_type=refresh_token, whether it worked or not. */
export interface TokenRefresh {
  at: number;
  refreshToken: string;
  ok: boolean;
  error?: string;
  /** The installation the refresh token belongs to: its team, or its enterprise for an org-wide install. */
  installation?: string;
  accessToken?: string;
}
