import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiContext, ApiHandler, ClientCredentials } from './api-context.js';
import type { FaultQueue } from './faults.js';
import { basicCredentials, bearerToken, parseApiParams, readBody, sendJson } from './http-io.js';
import type { PerTeamRateLimiter } from './rate-limiter.js';
import type { CallRecorder } from './recorder.js';
import type { RecordedCall } from './types.js';
import { asString } from './values.js';
import { type AuthDeps, authorizeCall, type CallAuth, type CallIssue } from './web-api-auth.js';
import { CHAT_HANDLERS } from './web-api-chat.js';
import { OTHER_HANDLERS } from './web-api-other.js';

const HANDLERS: Record<string, ApiHandler> = { ...CHAT_HANDLERS, ...OTHER_HANDLERS };

export const IMPLEMENTED_METHODS: readonly string[] = Object.keys(HANDLERS).sort();

export interface WebApiDeps {
  auth: AuthDeps;
  recorder: CallRecorder;
  faults: FaultQueue;
  rateLimiter: PerTeamRateLimiter | undefined;
  /** The handler context for one call: its workspace, its bot, its grant. */
  contextFor(auth: CallAuth, basicAuth: ClientCredentials | undefined): ApiContext;
}

/**
 * POST /api/<method>. Order matters: unknown methods are flagged before anything else so they are never
 * hidden by an auth error; the token and the workspace of every id the call names are checked next;
 * faults come before rate limiting so a test's injected 429 is exact.
 * Everything except faults and rate limits answers HTTP 200 with `ok`, because web-api retries non-200s.
 */
export async function handleWebApi(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  url: URL,
  deps: WebApiDeps,
): Promise<void> {
  const raw = (await readBody(req)).toString('utf8');
  const params = parseApiParams(req.headers['content-type'], raw, url.searchParams);
  const headerToken = bearerToken(req);
  const token = method === 'apps.connections.open' ? headerToken : (headerToken ?? asString(params.token));
  const base: Pick<RecordedCall, 'method' | 'params' | 'token' | 'team'> = { method, params };
  if (token !== undefined) base.token = token;
  const record = (call: Pick<RecordedCall, 'kind' | 'status' | 'response'>, issues?: CallIssue[]) =>
    deps.recorder.record({ ...base, ...call }, issues);
  const answer = (status: number, body: Record<string, unknown>, issues?: CallIssue[], headers = {}) => {
    sendJson(res, status, body, headers);
    record({ kind: 'api', status, response: body }, issues);
  };

  const handler = Object.hasOwn(HANDLERS, method) ? HANDLERS[method] : undefined;
  if (!handler) {
    const body = { ok: false, error: 'unknown_method' };
    sendJson(res, 200, body);
    record({ kind: 'unknown', status: 200, response: body });
    return;
  }

  const authorized = authorizeCall(method, token, params, deps.auth);
  if (!authorized.ok) return answer(200, { ok: false, error: authorized.error }, authorized.issues);
  const { auth } = authorized;
  if (auth.teamId !== undefined) base.team = auth.teamId;
  const ctx = deps.contextFor(auth, basicCredentials(req));
  const channel = asString(params.channel);
  const fault = deps.faults.take(method, channel, auth.teamId);
  if (fault && 'lostAnswer' in fault) {
    // The work happens (the post is kept, so conversations.history shows it); only its answer is lost.
    const done = handler(params, ctx);
    record({ kind: 'api', ...deps.faults.loseAnswer(fault, req, res, done.body) }, done.issues);
    return;
  }
  if (fault) return void record({ kind: 'api', ...deps.faults.apply(fault, req, res) });

  const limitKey = auth.teamId ?? auth.grant?.installation.key;
  if (method === 'chat.postMessage' && deps.rateLimiter && limitKey !== undefined) {
    const decision = deps.rateLimiter.tryAcquire(limitKey, channel ?? '');
    if (!decision.allowed) {
      const headers = { 'retry-after': String(decision.retryAfterSeconds) };
      return answer(429, { ok: false, error: 'ratelimited' }, undefined, headers);
    }
  }

  const outcome = handler(params, ctx);
  answer(200, outcome.body, outcome.issues);
}
