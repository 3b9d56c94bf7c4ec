import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendText } from './http-io.js';
import type { RespondDeps, ResponseUrls } from './respond.js';
import type { StandinOptions } from './types.js';
import { handleWebApi, type WebApiDeps } from './web-api.js';

export interface RouterDeps {
  baseUrl: string;
  webApi: WebApiDeps;
  responseUrls: ResponseUrls;
  respond: RespondDeps;
  extraRoutes: StandinOptions['extraRoutes'];
}

/** /api/<method> and /respond/<id> belong to the stand-in; every other path is offered to extraRoutes. */
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
