import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { StandinIds } from './api-context.js';
import { Conversations, DEFAULT_CHANNELS } from './conversations.js';
import { FaultQueue } from './faults.js';
import { HomeViews } from './home-views.js';
import { SlidingWindowRateLimiter } from './rate-limiter.js';
import { CallRecorder } from './recorder.js';
import { ResponseUrls } from './respond.js';
import type { RouterDeps } from './router.js';
import { SocketModeServer } from './socket-mode.js';
import type { StandinEvents, StandinOptions } from './types.js';

export const STANDIN_APP_ID = 'A0STANDIN';

export interface StandinIdentity extends StandinIds {
  signingSecret: string;
  botToken: string;
  appToken: string;
}

/** Everything a SlackStandin is made of, wired together once. */
export interface StandinParts {
  identity: StandinIdentity;
  recorder: CallRecorder;
  conversations: Conversations;
  faults: FaultQueue;
  responseUrls: ResponseUrls;
  socket: SocketModeServer;
  homeViews: HomeViews;
  routes: RouterDeps;
}

function resolveIdentity(opts: StandinOptions): StandinIdentity {
  return {
    // Random per instance so a test can never pass by accident with a hard-coded secret or token.
    signingSecret: opts.signingSecret ?? randomBytes(16).toString('hex'),
    botToken: opts.botToken ?? `xoxb-standin-${randomBytes(8).toString('hex')}`,
    appToken: opts.appToken ?? `xapp-standin-${randomBytes(8).toString('hex')}`,
    teamId: opts.teamId ?? 'T0STANDIN',
    botUserId: opts.botUserId ?? 'UBOT',
    botId: opts.botId ?? 'BBOT',
    appId: STANDIN_APP_ID,
  };
}

export function createParts(
  baseUrl: string,
  opts: StandinOptions,
  emitter: EventEmitter<StandinEvents>,
): StandinParts {
  const now = opts.now ?? Date.now;
  const identity = resolveIdentity(opts);
  const ids: StandinIds = {
    teamId: identity.teamId,
    botUserId: identity.botUserId,
    botId: identity.botId,
    appId: identity.appId,
  };
  const recorder = new CallRecorder(emitter, now);
  const conversations = new Conversations(opts.channels ?? DEFAULT_CHANNELS, (c) =>
    emitter.emit('message', c),
  );
  const faults = new FaultQueue();
  const responseUrls = new ResponseUrls(() => baseUrl);
  const socket = new SocketModeServer(recorder, identity.appId);
  const homeViews = new HomeViews(ids, (c) => emitter.emit('home', c));
  const rateLimiter = opts.rateLimits ? new SlidingWindowRateLimiter(opts.rateLimits, now) : undefined;
  const routes: RouterDeps = {
    baseUrl,
    webApi: {
      ctx: {
        conversations,
        ids,
        connectionUrl: () => socket.issueUrl(baseUrl),
        publishHome: (user, view) => homeViews.publish(user, view),
        baseUrl,
      },
      recorder,
      faults,
      rateLimiter,
      botToken: identity.botToken,
      appToken: identity.appToken,
    },
    responseUrls,
    respond: { recorder, faults, conversations, botUserId: ids.botUserId, botId: ids.botId },
    extraRoutes: opts.extraRoutes,
  };
  return { identity, recorder, conversations, faults, responseUrls, socket, homeViews, routes };
}
