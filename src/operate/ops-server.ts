import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpsRoute } from './ops-routes.js';

/** A small HTTP server for the operational routes alone: Socket Mode's PORT, or METRICS_PORT. */
export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Serves GET (and HEAD) on the given routes; anything else is 404 or 405. */
export async function startOpsServer(
  routes: readonly OpsRoute[],
  port: number,
  host: string,
): Promise<OpsServer> {
  const byPath = new Map(routes.map((r) => [r.path, r.handler]));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = byPath.get(path);
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    handler(req, res);
  });
  // A probe that holds a connection open must not keep the process from stopping.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
