import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { ApiContext, StandinIds } from './api-context.js';
import { Conversations, DEFAULT_CHANNELS } from './conversations.js';
import { FaultQueue } from './faults.js';
import { HomeViews } from './home-views.js';
import { Installations } from './installations.js';
import { OAuthServer } from './oauth-server.js';
import { DEFAULT_CHANNEL, DEFAULT_USER } from './payloads.js';
import { PerTeamRateLimiter } from './rate-limiter.js';
import { CallRecorder } from './recorder.js';
import { ResponseUrls } from './respond.js';
import type { RouterDeps } from './router.js';
import { SocketModeServer } from './socket-mode.js';
import { servingBot } from './team-identity.js';
import { TeamScope } from './team-scope.js';
import { type ResolvedTeam, resolveTeam, TeamDirectory } from './teams.js';
import type { StandinEvents, StandinOptions } from './types.js';
import type { CallAuth } from './web-api-auth.js';

export const STANDIN_APP_ID = 'A0STANDIN';

export interface StandinIdentity extends StandinIds {
  signingSecret: string;
  botToken: string;
  appToken: string;
}

/** Everything a SlackStandin is made of, wired together once. */
export interface StandinParts {
  identity: StandinIdentity;
  now: () => number;
  recorder: CallRecorder;
  conversations: Conversations;
  directory: TeamDirectory;
  installations: Installations;
  oauth: OAuthServer;
  faults: FaultQueue;
  responseUrls: ResponseUrls;
  socket: SocketModeServer;
  homeViews: HomeViews;
  routes: RouterDeps;
}

/** Today's single-team options describe the default team, which keeps its fixed ids (UBOT, #general). */
function defaultTeam(opts: StandinOptions): ResolvedTeam {
  return {
    id: opts.teamId ?? 'T0STANDIN',
    name: opts.teamName ?? 'Standin',
    domain: 'standin',
    botUserId: opts.botUserId ?? 'UBOT',
    botId: opts.botId ?? 'BBOT',
    defaultChannel: DEFAULT_CHANNEL,
    defaultUser: DEFAULT_USER,
    channels: opts.channels ?? DEFAULT_CHANNELS,
    users: opts.users ?? [],
  };
}

/** Every team, the default one first; each starts installed with its token unless it says otherwise. */
function seedTeams(opts: StandinOptions, directory: TeamDirectory, installations: Installations): string {
  const seeds = [
    { team: defaultTeam(opts), installed: true, token: opts.botToken },
    ...(opts.teams ?? []).map((spec) => ({
      team: resolveTeam(spec),
      installed: spec.installed ?? true,
      token: spec.botToken,
    })),
  ];
  let defaultToken = '';
  for (const { team, installed, token } of seeds) {
    directory.addTeam(team);
    if (!installed) continue;
    const request = {
      key: team.id,
      teamId: team.id,
      orgWide: false,
      botUserId: team.botUserId,
      botId: team.botId,
      scopes: [],
      userScopes: [],
      installerUserId: team.defaultUser,
      grantedTeams: [],
      ...(team.enterpriseId === undefined ? {} : { enterpriseId: team.enterpriseId }),
    };
    const issued = installations.install(request, undefined, token);
    if (team.id === directory.defaultTeamId) defaultToken = issued.bot.grant.token;
  }
  return defaultToken;
}

export function createParts(
  baseUrl: string,
  opts: StandinOptions,
  emitter: EventEmitter<StandinEvents>,
  appUrl: () => string | undefined,
): StandinParts {
  const now = opts.now ?? Date.now;
  const recorder = new CallRecorder(emitter, now);
  const conversations = new Conversations([], (c) => emitter.emit('message', c));
  const directory = new TeamDirectory(conversations, opts.teamId ?? 'T0STANDIN');
  const installations = new Installations(now);
  const botToken = seedTeams(opts, directory, installations);
  const team = directory.require();
  const identity: StandinIdentity = {
    // Random per instance so a test can never pass by accident with a hard-coded secret or token.
    signingSecret: opts.signingSecret ?? randomBytes(16).toString('hex'),
    botToken,
    appToken: opts.appToken ?? `xapp-standin-${randomBytes(8).toString('hex')}`,
    teamId: team.id,
    botUserId: team.botUserId,
    botId: team.botId,
    appId: STANDIN_APP_ID,
  };
  const oauth = new OAuthServer({
    options: opts.oauth,
    directory,
    installations,
    appId: identity.appId,
    now,
    appUrl,
  });
  const faults = new FaultQueue();
  const responseUrls = new ResponseUrls(() => baseUrl);
  const socket = new SocketModeServer(recorder, identity.appId);
  const homeViews = new HomeViews((c) => emitter.emit('home', c));
  const identities = { directory, installations };

  const contextFor = (auth: CallAuth, basicAuth: ApiContext['basicAuth']): ApiContext => {
    const { grant } = auth;
    const ids: StandinIds = {
      teamId: auth.teamId ?? grant?.installation.key ?? identity.teamId,
      botUserId: grant?.userId ?? identity.botUserId,
      botId: grant ? (grant.type === 'bot' ? grant.installation.botId : '') : identity.botId,
      appId: identity.appId,
    };
    return {
      conversations,
      ids,
      scope: new TeamScope({ conversations, directory, now }, auth.teamId, ids.botUserId),
      grant,
      basicAuth,
      oauth,
      connectionUrl: () => socket.issueUrl(baseUrl),
      publishHome: (user, view) => homeViews.publish(user, view, ids),
      baseUrl,
    };
  };
  const routes: RouterDeps = {
    baseUrl,
    webApi: {
      auth: { installations, directory, appToken: identity.appToken, now },
      recorder,
      faults,
      rateLimiter: opts.rateLimits ? new PerTeamRateLimiter(opts.rateLimits, now) : undefined,
      contextFor,
    },
    responseUrls,
    respond: { recorder, faults, conversations, botFor: (t) => servingBot(identities, t) },
    oauth,
    recorder,
    extraRoutes: opts.extraRoutes,
  };
  return {
    identity,
    now,
    recorder,
    conversations,
    directory,
    installations,
    oauth,
    faults,
    responseUrls,
    socket,
    homeViews,
    routes,
  };
}
