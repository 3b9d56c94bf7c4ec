import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BotMetrics } from './metrics.js';
import type { Readiness } from './readiness.js';
import { HEALTH_PATH, METRICS_PATH, READY_PATH } from './routes.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A GET route the app serves without a Slack signature. */
export interface OpsRoute {
  path: string;
  handler: Handler;
}

export interface OpsRouteDeps {
  readiness: Readiness;
  metrics: BotMetrics;
}

const NO_STORE = { 'cache-control': 'no-store' };

/** Liveness: the event loop answers, so the process can serve. Reads nothing. */
export const healthRoute: OpsRoute = {
  path: HEALTH_PATH,
  handler: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', ...NO_STORE }).end('ok');
  },
};

/** Readiness: 200 when every check passes, else 503; the body names each check's result and nothing more. */
export function readyRoute(readiness: Readiness): OpsRoute {
  return {
    path: READY_PATH,
    handler: (_req, res) => {
      readiness.check().then(
        (result) => {
          const body = JSON.stringify({
            status: result.ready ? 'ready' : 'not ready',
            checks: result.checks,
          });
          res
            .writeHead(result.ready ? 200 : 503, { 'content-type': 'application/json', ...NO_STORE })
            .end(body);
        },
        () => {
          res
            .writeHead(503, { 'content-type': 'application/json', ...NO_STORE })
            .end('{"status":"not ready"}');
        },
      );
    },
  };
}

/** The Prometheus text exposition. */
export function metricsRoute(metrics: BotMetrics): OpsRoute {
  return {
    path: METRICS_PATH,
    handler: (_req, res) => {
      metrics.render().then(
        (text) => res.writeHead(200, { 'content-type': metrics.contentType, ...NO_STORE }).end(text),
        () => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics unavailable'),
      );
    },
  };
}
