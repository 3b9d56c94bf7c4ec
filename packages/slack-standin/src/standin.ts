import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppTarget, type EventSendOptions, postEvent, postForm, postToApp } from './app-client.js';
import {
  type InstallFlowOptions,
  type InstallResult,
  type PendingInstall,
  startInstall,
} from './install-flow.js';
import {
  changeTeamAccess,
  type LifecycleDelivery,
  type LifecycleDeps,
  type RevokeOptions,
  revokeAppTokens,
  type UninstallOptions,
  uninstallApp,
} from './lifecycle-events.js';
import { AUTHORIZE_PATH } from './oauth-server.js';
import { createParts, type StandinParts } from './parts.js';
import * as payloads from './payloads.js';
import { routeRequest } from './router.js';
import type { EnvelopeOptions } from './socket-mode.js';
import { StandinWorld } from './standin-world.js';
import { payloadTeam } from './team-identity.js';
import type { EnvelopeType, HttpResult, SendOpts, SocketAck, StandinOptions } from './types.js';

export { STANDIN_APP_ID } from './parts.js';

/**
 * The project's one local Slack: Web API, response_url, Socket Mode, OAuth and signed HTTP to the app, all
 * on one 127.0.0.1 server with an ephemeral port, for one workspace or several. Emits 'call', 'message'
 * (conversation changes) and 'home'. The identity fields below are the default team's.
 */
export class SlackStandin extends StandinWorld {
  readonly apiUrl: string;
  /** Give this to InstallProvider (Bolt's installerOptions.authorizationUrl) instead of slack.com's. */
  readonly authorizationUrl: string;
  readonly signingSecret: string;
  readonly botToken: string;
  readonly appToken: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  private appUrl: string | undefined;
  private closed = false;
  protected readonly parts: StandinParts;

  static async start(opts: StandinOptions = {}): Promise<SlackStandin> {
    const server = createServer();
    const host = opts.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new SlackStandin(server, `http://${loopbackFor(host)}:${port}`, opts);
  }

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    opts: StandinOptions,
  ) {
    super();
    this.parts = createParts(baseUrl, opts, this, () => this.appUrl);
    const id = this.parts.identity;
    this.apiUrl = `${baseUrl}/api/`;
    this.authorizationUrl = `${baseUrl}${AUTHORIZE_PATH}`;
    this.signingSecret = id.signingSecret;
    this.botToken = id.botToken;
    this.appToken = id.appToken;
    this.teamId = id.teamId;
    this.botUserId = id.botUserId;
    this.botId = id.botId;
    this.appId = id.appId;
    this.appUrl = opts.appUrl;
    const { routes, socket } = this.parts;
    server.on('request', (req, res) => void routeRequest(req, res, routes));
    server.on('upgrade', (req, stream, head) => socket.handleUpgrade(req, stream, head));
  }

  setAppUrl(url: string): void {
    this.appUrl = url;
  }

  /** Slack's slash-command fields; `fields` override them, and `fields.team` picks the workspace. */
  buildCommandPayload(text: string, fields?: Partial<Record<string, string>>): Record<string, string> {
    return payloads.buildCommandPayload(this.payloadDeps(), text, fields);
  }

  buildEventEnvelope(
    event: Record<string, unknown>,
    opts?: payloads.EventEnvelopeOptions,
  ): Record<string, unknown> {
    return payloads.buildEventEnvelope(this.payloadDeps(), event, opts);
  }

  buildBlockActionsPayload(
    action: payloads.BlockActionInput,
    opts?: payloads.BlockActionOptions,
  ): Record<string, unknown> {
    return payloads.buildBlockActionsPayload(this.payloadDeps(), action, opts);
  }

  /** Send /osm-feature `text`, signed; `fields.team` picks the workspace (default: the default team). */
  async sendCommand(
    text: string,
    fields?: Partial<Record<string, string>>,
    opts?: SendOpts,
  ): Promise<HttpResult & { responseUrl: string }> {
    const payload = this.buildCommandPayload(text, fields);
    return { ...(await postForm(this.target(), payload, opts)), responseUrl: payload.response_url ?? '' };
  }

  async sendEvent(
    event: Record<string, unknown>,
    opts: EventSendOptions = {},
  ): Promise<HttpResult & { eventId: string }> {
    const body = this.buildEventEnvelope(event, envelopeOptions(opts));
    return { ...(await postEvent(this.target(), body, opts)), eventId: String(body.event_id) };
  }

  sendInteraction(payload: Record<string, unknown>, opts?: SendOpts): Promise<HttpResult> {
    return postForm(this.target(), { payload: JSON.stringify(payload) }, opts);
  }

  sendRaw(body: string | Buffer, headers: Record<string, string>, opts?: SendOpts): Promise<HttpResult> {
    return postToApp(this.target(), body, headers, opts);
  }

  socketConnected(): Promise<void> {
    return this.parts.socket.connected();
  }

  sendEnvelope(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    opts?: EnvelopeOptions,
  ): Promise<SocketAck> {
    return this.parts.socket.send(type, payload, opts);
  }

  sendSocketCommand(text: string, fields?: Partial<Record<string, string>>, opts?: EnvelopeOptions) {
    const payload = this.buildCommandPayload(text, fields);
    return this.sendEnvelope('slash_commands', payload, opts).then((ack) => ({
      ...ack,
      responseUrl: payload.response_url ?? '',
    }));
  }

  sendSocketEvent(
    event: Record<string, unknown>,
    opts: EnvelopeOptions & { eventId?: string; team?: string } = {},
  ): Promise<SocketAck & { eventId: string }> {
    const body = this.buildEventEnvelope(event, envelopeOptions(opts));
    return this.sendEnvelope('events_api', body, opts).then((ack) => ({
      ...ack,
      eventId: String(body.event_id),
    }));
  }

  /** Drops every Socket Mode connection at once (no close handshake), as a network failure does. */
  dropSocket(): void {
    this.parts.socket.drop();
  }

  /** The `num_connections` of every hello sent so far, in order (2: a connection opened beside another). */
  get socketHellos(): readonly number[] {
    return this.parts.socket.hellos;
  }

  /** How many Socket Mode connections are open now (Slack allows an app several). */
  get socketConnections(): number {
    return this.parts.socket.connectionCount;
  }

  /** Send Slack's `disconnect` so the client reconnects (about 5 s later, through apps.connections.open). */
  disconnectSocket(reason?: 'refresh_requested' | 'warning' | 'too_many_websockets'): void {
    this.parts.socket.disconnect(reason);
  }

  /**
   * Walk a browser through an OAuth install: the app's install page, its Add to Slack link to this
   * stand-in's /oauth/v2/authorize (approved as `team`), and back to the app's redirect URL with the
   * state cookie. Resolves with the app's final answer.
   */
  async install(opts: InstallFlowOptions): Promise<InstallResult> {
    const pending = await this.startInstall(opts);
    const answer = await pending.finish();
    return {
      ...answer,
      installPage: pending.installPage,
      redirectUrl: pending.redirectUrl,
      cookieJar: pending.cookieJar,
    };
  }

  /** The install up to the way back, for tests that tamper with, drop, delay or replay the redirect. */
  startInstall(opts: InstallFlowOptions): Promise<PendingInstall> {
    return startInstall(this.baseUrl, opts);
  }

  /** Uninstall from a team (or an enterprise's org-wide install): tokens die, the app hears two events. */
  uninstall(team: string, opts?: UninstallOptions): Promise<LifecycleDelivery[]> {
    return uninstallApp(this.lifecycle(), team, opts);
  }

  /** Revoke an installation's tokens: they answer token_revoked, the app hears tokens_revoked. */
  revokeTokens(team: string, opts?: RevokeOptions): Promise<LifecycleDelivery[]> {
    return revokeAppTokens(this.lifecycle(), team, opts);
  }

  grantTeamAccess(enterpriseId: string, teamIds: readonly string[]): Promise<LifecycleDelivery[]> {
    return changeTeamAccess(this.lifecycle(), enterpriseId, teamIds, true);
  }

  revokeTeamAccess(enterpriseId: string, teamIds: readonly string[]): Promise<LifecycleDelivery[]> {
    return changeTeamAccess(this.lifecycle(), enterpriseId, teamIds, false);
  }

  /** Let an installation's access tokens run out now: every call with them answers token_expired. */
  expireTokens(team: string): void {
    this.parts.installations.expire(team);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.parts.recorder.close();
    this.parts.faults.destroyHanging();
    await this.parts.socket.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private target(): AppTarget {
    return { appUrl: this.appUrl, signingSecret: this.signingSecret };
  }

  private payloadDeps(): payloads.PayloadDeps {
    return {
      appId: this.appId,
      team: (id) => payloadTeam(this.parts, id),
      conversations: this.parts.conversations,
      newResponseUrl: (context) => this.newResponseUrl(context),
    };
  }

  private lifecycle(): LifecycleDeps {
    return {
      directory: this.parts.directory,
      installations: this.parts.installations,
      envelope: (event, team) => this.buildEventEnvelope(event, { team }),
      post: (body) => postEvent(this.target(), body, {}),
    };
  }
}

function envelopeOptions(opts: { eventId?: string; team?: string }): payloads.EventEnvelopeOptions {
  const out: payloads.EventEnvelopeOptions = {};
  if (opts.eventId !== undefined) out.eventId = opts.eventId;
  if (opts.team !== undefined) out.team = opts.team;
  return out;
}

/** The address this process uses to reach a server bound to `host`: a wildcard bind is reached on loopback. */
function loopbackFor(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
