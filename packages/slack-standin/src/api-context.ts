import type { LimitIssue } from './block-kit-limits.js';
import type { Conversations } from './conversations.js';

export interface StandinIds {
  teamId: string;
  botUserId: string;
  botId: string;
  appId: string;
}

/** What a Web API method handler may touch. Handlers are synchronous and never see HTTP. */
export interface ApiContext {
  conversations: Conversations;
  ids: StandinIds;
  /** A fresh one-time Socket Mode URL (apps.connections.open). */
  connectionUrl(): string;
  publishHome(user: string, view: Record<string, unknown>): Record<string, unknown>;
  baseUrl: string;
}

export interface ApiOutcome {
  body: Record<string, unknown>;
  /** Block Kit limit issues found in the call; recorded as violations for assertClean(). */
  issues?: LimitIssue[];
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
