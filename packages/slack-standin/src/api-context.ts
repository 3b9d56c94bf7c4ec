import type { Conversations } from './conversations.js';
import type { TokenGrant } from './installations.js';
import type { OAuthServer } from './oauth-server.js';
import type { TeamScope } from './team-scope.js';
import type { CallIssue } from './web-api-auth.js';

export interface StandinIds {
  teamId: string;
  botUserId: string;
  botId: string;
  appId: string;
}

/** Client credentials sent with HTTP Basic auth, as Slack recommends for oauth.v2.access. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** What a Web API method handler may touch. Handlers are synchronous and never see HTTP. */
export interface ApiContext {
  conversations: Conversations;
  /** The workspace the call acts in and the bot that calls. */
  ids: StandinIds;
  scope: TeamScope;
  /** The token's grant; undefined for the tokenless OAuth methods and apps.connections.open. */
  grant: TokenGrant | undefined;
  basicAuth: ClientCredentials | undefined;
  oauth: OAuthServer;
  /** A fresh one-time Socket Mode URL (apps.connections.open). */
  connectionUrl(): string;
  publishHome(user: string, view: Record<string, unknown>): Record<string, unknown>;
  baseUrl: string;
}

export interface ApiOutcome {
  body: Record<string, unknown>;
  /** Block Kit limit issues found in the call; recorded as violations for assertClean(). */
  issues?: CallIssue[];
}

export type ApiHandler = (params: Record<string, unknown>, ctx: ApiContext) => ApiOutcome;

export function fail(error: string, messages?: string[]): ApiOutcome {
  const body: Record<string, unknown> = { ok: false, error };
  if (messages && messages.length > 0) body.response_metadata = { messages };
  return { body };
}

export function missing(field: string): ApiOutcome {
  return fail('invalid_arguments', [`[ERROR] missing required field: ${field}`]);
}
