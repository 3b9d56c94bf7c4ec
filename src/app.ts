import type { Server } from 'node:http';
import { App, type CustomRoute } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { ListenerDeps } from './listeners/deps.js';
import { registerErrorHandler } from './listeners/errors.js';
import { registerListeners } from './listeners/index.js';
import { boltLoggerFrom } from './logger.js';
import { createGuardedReceiver } from './receiver/guarded-receiver.js';

export interface SlackApp {
  app: App;
  /** Starts listening (HTTP) or connecting (Socket Mode). Resolves to the bound port in HTTP mode. */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Retries for Web API calls; tests pass a fast policy. */
  retryConfig?: {
    retries: number;
    factor?: number;
    minTimeout?: number;
    maxTimeout?: number;
    randomize?: boolean;
  };
  /** Extra HTTP routes (health checks) in HTTP mode. */
  routes?: CustomRoute[];
  /** Web API call timeout, ms (default 10 s); tests shorten it. */
  clientTimeoutMs?: number;
}

const WEB_API_TIMEOUT_MS = 10_000;
/**
 * Answers are worth retrying briefly, not for web-api's default half hour (an answer 30 minutes late is noise);
 * notices have their own durable retries in the outbox sender.
 */
const ANSWER_RETRIES = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000, randomize: true };

/** Builds the Bolt app for a Slack mode and registers the listeners. No I/O until start(). */
export function createApp(config: Config, deps: ListenerDeps, log: Logger, opts: AppOptions = {}): SlackApp {
  const mode = config.mode;
  const clientOptions = {
    // A Web API call that never answers must not hold a reply forever (web-api's default timeout is none).
    timeout: opts.clientTimeoutMs ?? WEB_API_TIMEOUT_MS,
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: opts.retryConfig ?? ANSWER_RETRIES,
  };
  const common = {
    token: mode.botToken,
    logger: boltLoggerFrom(log),
    clientOptions,
    // auth.test is sent in the constructor otherwise, and its failure would be an unhandled rejection.
    deferInitialization: true,
    extendedErrorHandler: true as const,
    // Bolt's conversation-context middleware runs on every request; nothing here reads context.conversation.
    convoStore: false as const,
  };
  const app =
    mode.kind === 'socket'
      ? new App({ ...common, socketMode: true, appToken: mode.appToken })
      : new App({
          ...common,
          receiver: createGuardedReceiver({
            signingSecret: mode.signingSecret,
            logger: common.logger,
            customRoutes: [
              { path: '/healthz', method: ['GET'], handler: (_req, res) => res.writeHead(200).end('ok') },
              ...(opts.routes ?? []),
            ],
          }),
        });
  registerErrorHandler(app, deps);
  registerListeners(app, deps);

  return {
    app,
    async start() {
      await app.init();
      if (mode.kind === 'socket') {
        await app.start();
        return {};
      }
      const server = (await app.start({ port: config.port, host: config.host })) as Server;
      const address = server.address();
      return { port: typeof address === 'object' && address ? address.port : config.port };
    },
    async stop() {
      await app.stop();
    },
  };
}
