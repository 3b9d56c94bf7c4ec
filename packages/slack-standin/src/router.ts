import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendText } from './http-io.js';
import { AUTHORIZE_PATH, type OAuthServer } from './oauth-server.js';
import type { CallRecorder } from './recorder.js';
import type { RespondDeps, ResponseUrls } from './respond.js';
import type { StandinOptions } from './types.js';
import { handleWebApi, type WebApiDeps } from './web-api.js';

export interface RouterDeps {
  baseUrl: string;
  webApi: WebApiDeps;
  responseUrls: ResponseUrls;
  respond: RespondDeps;
  oauth: OAuthServer;
  recorder: CallRecorder;
  extraRoutes: StandinOptions['extraRoutes'];
}

/** Slack's consent screen, reduced to its outcome: a 302 back to the app, or an error page. */
function handleAuthorize(res: ServerResponse, url: URL, deps: RouterDeps): void {
  const answer = deps.oauth.authorize(url.searchParams);
  const params = Object.fromEntries(url.searchParams);
  if (answer.status === 302) {
    res.writeHead(302, { location: answer.location, 'content-length': '0' });
    res.end();
  } else {
    const page = `<!doctype html><title>Slack stand-in</title><p>OAuth error: ${answer.error}</p>`;
    res.writeHead(400, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(Buffer.byteLength(page)),
    });
    res.end(page);
  }
  const response = answer.status === 302 ? { location: answer.location } : { error: answer.error };
  deps.recorder.record({
    kind: 'oauth',
    method: 'oauth.v2.authorize',
    params,
    status: answer.status,
    response,
  });
}

/**
 * /api/<method>, /respond/<id> and GET /oauth/v2/authorize belong to the stand-in; every other path is
 * offered to extraRoutes.
 */
export async function routeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: RouterDeps,
): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', deps.baseUrl);
    if (url.pathname.startsWith('/api/')) {
      await handleWebApi(req, res, url.pathname.slice('/api/'.length), url, deps.webApi);
      return;
    }
    if (url.pathname === AUTHORIZE_PATH && req.method === 'GET') {
      handleAuthorize(res, url, deps);
      return;
    }
    const respond = /^\/respond\/([^/]+)$/.exec(url.pathname);
    if (respond?.[1] && req.method === 'POST') {
      await deps.responseUrls.handle(req, res, respond[1], deps.respond);
      return;
    }
    if (deps.extraRoutes && (await deps.extraRoutes(req, res))) return;
    sendText(res, 404, 'not_found');
  } catch (error) {
    console.error('Slack stand-in: request handler failed', error);
    if (!res.headersSent) sendText(res, 500, 'standin_internal_error');
    else res.destroy();
  }
}
