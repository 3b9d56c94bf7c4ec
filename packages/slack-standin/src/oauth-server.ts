import { randomBytes } from 'node:crypto';
import type { Installations, InstallRequest, IssuedTokens } from './installations.js';
import type { OAuthOptions } from './team-types.js';
import type { TeamDirectory } from './teams.js';

/** Where Slack's consent screen lives, on the stand-in's base URL as on slack.com. */
export const AUTHORIZE_PATH = '/oauth/v2/authorize';

/** Slack's default lifetime of a rotating access token: 12 hours. */
export const DEFAULT_EXPIRES_IN_SECONDS = 43_200;
const DEFAULT_CODE_TTL_SECONDS = 600;

/** Who said yes on Slack's consent screen, and for what: one workspace, or a whole organisation. */
export interface Approval {
  teamId?: string;
  enterpriseId?: string;
  orgWide: boolean;
  userId: string;
}

export interface CodeGrant {
  approval: Approval;
  scopes: string[];
  userScopes: string[];
  /** The redirect_uri the authorize request named; the exchange must name the same one. */
  redirectUri?: string;
  expiresAt: number;
}

export type AuthorizeAnswer = { status: 302; location: string } | { status: 400; error: string };

export interface OAuthDeps {
  options: OAuthOptions | undefined;
  directory: TeamDirectory;
  installations: Installations;
  appId: string;
  now: () => number;
  appUrl: () => string | undefined;
}

function scopeList(value: string | null): string[] {
  return (value ?? '').split(/[ ,]+/).filter((s) => s.length > 0);
}

/** Slack accepts a redirect_uri that is the configured Redirect URL or lies below it. */
function isWithin(given: string, configured: string): boolean {
  if (!URL.canParse(given) || !URL.canParse(configured)) return false;
  const a = new URL(given);
  const b = new URL(configured);
  return a.origin === b.origin && a.pathname.startsWith(b.pathname);
}

/**
 * Slack's side of OAuth v2 (https://api.slack.com/authentication/oauth-v2): the authorize step hands out
 * single-use codes that expire; oauth.v2.access (oauth-access.ts) turns one into an installation.
 */
export class OAuthServer {
  private readonly codes = new Map<string, CodeGrant>();

  constructor(readonly deps: OAuthDeps) {}

  get options(): OAuthOptions | undefined {
    return this.deps.options;
  }

  /**
   * GET /oauth/v2/authorize. The `team` parameter picks the workspace that approves (an enterprise id
   * approves an org-wide install); `standin_user` the person, `standin_decision=deny` a click on Cancel.
   */
  authorize(query: URLSearchParams): AuthorizeAnswer {
    const options = this.deps.options;
    if (!options || query.get('client_id') !== options.clientId)
      return { status: 400, error: 'invalid_client_id' };
    const scopes = scopeList(query.get('scope'));
    const userScopes = scopeList(query.get('user_scope'));
    if (scopes.length === 0 && userScopes.length === 0) return { status: 400, error: 'invalid_scope' };
    const given = query.get('redirect_uri') ?? undefined;
    const appUrl = this.deps.appUrl();
    const configured = options.redirectUri ?? (appUrl ? `${appUrl}/slack/oauth_redirect` : undefined);
    const target = given ?? configured;
    // With no Redirect URL configured and no app URL known yet there is nothing to hold `given` against.
    if (!target || !URL.canParse(target) || (given && configured && !isWithin(given, configured))) {
      return { status: 400, error: 'bad_redirect_uri' };
    }
    const approval = this.approval(query.get('team'), query.get('standin_user'));
    if (!approval) return { status: 400, error: 'invalid_team' };
    const location = new URL(target);
    const state = query.get('state');
    if (query.get('standin_decision') === 'deny') {
      location.searchParams.set('error', 'access_denied');
    } else {
      const code = `${Math.floor(this.deps.now() / 1000)}.${randomBytes(16).toString('hex')}`;
      const expiresAt = this.deps.now() + (options.codeTtlSeconds ?? DEFAULT_CODE_TTL_SECONDS) * 1000;
      const grant: CodeGrant = { approval, scopes, userScopes, expiresAt };
      if (given !== undefined) grant.redirectUri = given;
      this.codes.set(code, grant);
      location.searchParams.set('code', code);
    }
    if (state !== null) location.searchParams.set('state', state);
    return { status: 302, location: location.toString() };
  }

  /** Use a code once. Slack answers invalid_code for one it never issued, one used before, or an expired one. */
  takeCode(code: string, redirectUri: string | undefined): CodeGrant | { error: string } {
    const grant = this.codes.get(code);
    if (!grant || grant.expiresAt <= this.deps.now()) return { error: 'invalid_code' };
    if (grant.redirectUri !== undefined && redirectUri !== grant.redirectUri)
      return { error: 'bad_redirect_uri' };
    this.codes.delete(code);
    return grant;
  }

  install(grant: CodeGrant): IssuedTokens {
    const { directory, installations } = this.deps;
    const { approval } = grant;
    const rotation = this.deps.options?.tokenRotation
      ? (this.deps.options.expiresInSeconds ?? DEFAULT_EXPIRES_IN_SECONDS)
      : undefined;
    const common = { scopes: grant.scopes, userScopes: grant.userScopes, installerUserId: approval.userId };
    let request: InstallRequest;
    if (approval.orgWide && approval.enterpriseId !== undefined) {
      const org = directory.enterprise(approval.enterpriseId);
      if (!org) throw new Error(`Slack stand-in: no enterprise ${approval.enterpriseId}`);
      const teams = directory.teamsOf(org.id).map((t) => t.id);
      request = {
        ...common,
        key: org.id,
        enterpriseId: org.id,
        orgWide: true,
        botUserId: org.botUserId,
        botId: org.botId,
        grantedTeams: teams,
      };
    } else {
      const team = directory.require(approval.teamId);
      request = {
        ...common,
        key: team.id,
        teamId: team.id,
        orgWide: false,
        botUserId: team.botUserId,
        botId: team.botId,
        grantedTeams: [],
      };
      if (team.enterpriseId !== undefined) request.enterpriseId = team.enterpriseId;
    }
    return installations.install(request, rotation);
  }

  private approval(teamParam: string | null, userParam: string | null): Approval | undefined {
    const { directory } = this.deps;
    const org = teamParam ? directory.enterprise(teamParam) : undefined;
    if (org) {
      const first = directory.teamsOf(org.id)[0];
      const userId = userParam ?? first?.defaultUser;
      return userId === undefined ? undefined : { enterpriseId: org.id, orgWide: true, userId };
    }
    const team = directory.team(teamParam ?? directory.defaultTeamId);
    if (!team) return undefined;
    const approval: Approval = { teamId: team.id, orgWide: false, userId: userParam ?? team.defaultUser };
    if (team.enterpriseId !== undefined) approval.enterpriseId = team.enterpriseId;
    return approval;
  }
}
