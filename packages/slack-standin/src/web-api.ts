import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiContext, ApiHandler } from './api-context.js';
import type { FaultQueue } from './faults.js';
import { bearerToken, parseApiParams, readBody, sendJson } from './http-io.js';
import type { SlidingWindowRateLimiter } from './rate-limiter.js';
import type { CallRecorder } from './recorder.js';
import { asString } from './values.js';
import { CHAT_HANDLERS } from './web-api-chat.js';
import { OTHER_HANDLERS } from './web-api-other.js';

const HANDLERS: Record<string, ApiHandler> = { ...CHAT_HANDLERS, ...OTHER_HANDLERS };

export const IMPLEMENTED_METHODS: readonly string[] = Object.keys(HANDLERS).sort();

export interface WebApiDeps {
  ctx: ApiContext;
  recorder: CallRecorder;
  faults: FaultQueue;
  rateLimiter: SlidingWindowRateLimiter | undefined;
  botToken: string;
  appToken: string;
}

/** apps.connections.open takes the app-level token, in the header only. */
function authError(method: string, token: string | undefined, deps: WebApiDeps): string | undefined {
  const wanted = method === 'apps.connections.open' ? deps.appToken : deps.botToken;
  if (!token) return 'not_authed';
  if (token === wanted) return undefined;
  if (token === deps.appToken || token === deps.botToken) return 'not_allowed_token_type';
  return 'invalid_auth';
}

/**
 * POST /api/<method>. Order matters: unknown methods are flagged before anything else so they are never
 * hidden by an auth error; faults come before rate limiting so a test's injected 429 is exact.
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
  const base = { method, params, ...(token === undefined ? {} : { token }) };

  const handler = Object.hasOwn(HANDLERS, method) ? HANDLERS[method] : undefined;
  if (!handler) {
    const body = { ok: false, error: 'unknown_method' };
    sendJson(res, 200, body);
    deps.recorder.record({ ...base, kind: 'unknown', status: 200, response: body });
    return;
  }

  const denied = authError(method, token, deps);
  if (denied) {
    const body = { ok: false, error: denied };
    sendJson(res, 200, body);
    deps.recorder.record({ ...base, kind: 'api', status: 200, response: body });
    return;
  }
  const channel = asString(params.channel);
  const fault = deps.faults.take(method, channel);
  if (fault && 'lostAnswer' in fault) {
    // The work happens (the post is kept, so conversations.history shows it); only its answer is lost.
    const done = handler(params, deps.ctx);
    const outcome = deps.faults.loseAnswer(fault, req, res, done.body);
    deps.recorder.record({ ...base, kind: 'api', ...outcome }, done.issues);
    return;
  }
  if (fault) {
    const outcome = deps.faults.apply(fault, req, res);
    deps.recorder.record({ ...base, kind: 'api', ...outcome });
    return;
  }

  if (method === 'chat.postMessage' && deps.rateLimiter) {
    const decision = deps.rateLimiter.tryAcquire(channel ?? '');
    if (!decision.allowed) {
      const body = { ok: false, error: 'ratelimited' };
      sendJson(res, 429, body, { 'retry-after': String(decision.retryAfterSeconds) });
      deps.recorder.record({ ...base, kind: 'api', status: 429, response: body });
      return;
    }
  }

  const outcome = handler(params, deps.ctx);
  sendJson(res, 200, outcome.body);
  deps.recorder.record({ ...base, kind: 'api', status: 200, response: outcome.body }, outcome.issues);
}
