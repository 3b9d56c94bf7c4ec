import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import net from 'node:net';
import { App, type Authorize, type CustomRoute, type Receiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { ListenerDeps } from './listeners/deps.js';
import { registerErrorHandler } from './listeners/errors.js';
import { registerListeners } from './listeners/index.js';
import { boltLoggerFrom } from './logger.js';
import type { BotMetrics } from './operate/metrics.js';
import { healthRoute, type OpsRoute } from './operate/ops-routes.js';
import { rateLimitCountingFetch } from './operate/rate-limit-fetch.js';
import { instrumentRequests } from './operate/request-metrics.js';
import { HEALTH_PATH } from './operate/routes.js';
import { createGuardedReceiver } from './receiver/guarded-receiver.js';
import { ResilientSocketReceiver, type SocketReceiverOptions } from './receiver/socket-receiver.js';

export interface SlackApp {
  app: App /** Starts listening (HTTP) or connecting (Socket Mode). Resolves to the bound port in HTTP mode. */;
  start(): Promise<{ port?: number }>;
  /** Stops taking requests, answering those received within `graceMs` (default 10 s). */
  stop(graceMs?: number): Promise<void>;
  /** Socket Mode: whether a socket is live now. HTTP mode: always true (Slack comes to us). */
  connected(): boolean;
}

export interface AppOptions {
  /** Retries for Web API calls; tests pass a fast policy. */
  retryConfig?: {
    retries: number;
    factor?: number;
    minTimeout?: number;
    maxTimeout?: number;
    randomize?: boolean;
  } /** Extra HTTP routes (health checks, the install pages) in HTTP mode. */;
  routes?: CustomRoute[];
  /** Multi-workspace mode: each request's installation and token (Bolt's `authorize`). */
  authorize?: Authorize<boolean>;
  /** Web API call timeout, ms (default 10 s); tests shorten it. */
  clientTimeoutMs?: number;
  /** How long a graceful stop waits for requests to stop arriving, ms (default 500); tests shorten it. */
  stopQuietMs?: number;
  /** Counts requests, acks and 429s (left out by tests that build the app alone). */
  metrics?: BotMetrics;
  /** Socket Mode reconnect tuning (tests shorten the backoff) and the reconnect callback. */
  socket?: Pick<SocketReceiverOptions, 'backoff' | 'tuning' | 'onReconnect'>;
}

/** The routes, with /healthz added unless one is given: liveness needs nothing but the process. */
function withHealth(routes: CustomRoute[]): CustomRoute[] {
  return routes.some((r) => r.path === HEALTH_PATH) ? routes : [customRouteOf(healthRoute), ...routes];
}

/** An operational route as a Bolt custom route: GET only, no signature. */
export function customRouteOf(route: OpsRoute): CustomRoute {
  return { path: route.path, method: ['GET'], handler: route.handler };
}

const WEB_API_TIMEOUT_MS = 10_000;

/** Connections are still taken until nothing has arrived for this long (at most MAX_ACCEPT_MS). */
const QUIET_MS = 500;
const MAX_ACCEPT_MS = 3_000;

/**
 * Waits until no connection and no request has arrived for `quietMs` (behind a load balancer that stopped
 * sending, at once). Closing the listening socket while clients still connect would reset the connections
 * the kernel had already accepted for us, before a byte of them was read.
 */
async function quietPeriod(server: Server, quietMs: number): Promise<void> {
  let last = Date.now();
  const seen = (): void => {
    last = Date.now();
  };
  server.on('connection', seen);
  server.on('request', seen);
  const start = Date.now();
  try {
    for (;;) {
      const quietFor = Date.now() - last;
      if (Date.now() - start >= MAX_ACCEPT_MS) break;
      if (quietFor >= quietMs) {
        // A busy event loop may not have taken connections the kernel already queued: one more poll phase
        // (setImmediate runs after it) takes them, and the quiet period starts again if there were any.
        const before = last;
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (last === before) break;
        continue;
      }
      await new Promise<void>((resolve) => setTimeout(resolve, quietMs - quietFor + 5));
    }
  } finally {
    server.off('connection', seen);
    server.off('request', seen);
  }
}

/**
 * Stops taking connections and answers every request already received: every answer from now on says
 * `Connection: close`. Once nothing has arrived for a quiet period, idle keep-alive connections are closed
 * too (nothing is on its way on them), and those with a request in progress end when it is answered.
 * Connections still open when the grace is over are closed.
 */
async function drain(server: Server, graceMs: number, quietMs: number): Promise<void> {
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('connection', 'close');
  });
  await quietPeriod(server, quietMs);
  const ended = new Promise<void>((resolve) => {
    // net.Server's close, then idle connections: http.Server's close would do both, but before the quiet.
    net.Server.prototype.close.call(server, () => resolve());
  });
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await ended;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Answers are worth retrying briefly, not for web-api's default half hour (an answer 30 minutes late is noise);
 * notices have their own durable retries in the outbox sender.
 */
const ANSWER_RETRIES = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000, randomize: true };

function requireAuthorize(authorize: Authorize<boolean> | undefined): Authorize<boolean> {
  if (!authorize) throw new Error('multi-workspace mode needs an authorize function');
  return authorize;
}

/** Builds the Bolt app for a Slack mode and registers the listeners. No I/O until start(). */
export function createApp(config: Config, deps: ListenerDeps, log: Logger, opts: AppOptions = {}): SlackApp {
  const mode = config.mode;
  const clientOptions = {
    // A Web API call that never answers must not hold a reply forever (web-api's default timeout is none).
    timeout: opts.clientTimeoutMs ?? WEB_API_TIMEOUT_MS,
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: opts.retryConfig ?? ANSWER_RETRIES,
    ...(opts.metrics ? { fetch: rateLimitCountingFetch(opts.metrics) } : {}),
  };
  const auth =
    mode.kind === 'oauth' ? { authorize: requireAuthorize(opts.authorize) } : { token: mode.botToken };
  const common = {
    ...auth,
    logger: boltLoggerFrom(log),
    clientOptions,
    // auth.test is sent in the constructor otherwise, and its failure would be an unhandled rejection.
    deferInitialization: true,
    extendedErrorHandler: true as const,
    // Bolt's conversation-context middleware runs on every request; nothing here reads context.conversation.
    convoStore: false as const,
  };
  let socket: ResilientSocketReceiver | undefined;
  let receiver: Receiver;
  if (mode.kind === 'socket') {
    socket = new ResilientSocketReceiver({
      appToken: mode.appToken,
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      log: log.child({ component: 'socket-mode' }),
      ...opts.socket,
    });
    receiver = socket;
  } else {
    receiver = createGuardedReceiver({
      signingSecret: mode.signingSecret,
      logger: common.logger,
      customRoutes: withHealth(opts.routes ?? []),
    });
  }
  const app = new App({ ...common, receiver });
  registerErrorHandler(app, deps);
  registerListeners(app, deps);
  if (opts.metrics) instrumentRequests(app, opts.metrics);
  let server: Server | undefined;
  return {
    app,
    async start() {
      await app.init();
      if (mode.kind === 'socket') {
        await app.start();
        return {};
      }
      server = (await app.start({ port: config.port, host: config.host })) as Server;
      const address = server.address();
      return { port: typeof address === 'object' && address ? address.port : config.port };
    },
    connected: () => socket?.isConnected() ?? true,
    async stop(graceMs = 10_000) {
      // HTTP: Bolt's own stop would only close the server, which drain() does more gently.
      if (server) await drain(server, graceMs, opts.stopQuietMs ?? QUIET_MS);
      else await app.stop();
    },
  };
}
