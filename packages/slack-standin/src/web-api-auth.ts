import type { Installations, TokenGrant } from './installations.js';
import type { TeamDirectory } from './teams.js';
import { asString, USER_ID } from './values.js';

/** Methods called with client credentials instead of a token. */
export const TOKENLESS_METHODS: ReadonlySet<string> = new Set(['oauth.v2.access']);

/** A Web API call's violation of the stand-in's rules, reported by assertClean(). */
export interface CallIssue {
  error: string;
  message: string;
}

export interface AuthDeps {
  installations: Installations;
  directory: TeamDirectory;
  appToken: string;
  now: () => number;
}

/** Who is calling: the token's grant (none for tokenless methods) and the workspace the call acts in. */
export interface CallAuth {
  grant?: TokenGrant;
  teamId?: string;
}

export type AuthResult = { ok: true; auth: CallAuth } | { ok: false; error: string; issues?: CallIssue[] };

interface Reference {
  kind: 'channel' | 'user';
  id: string;
  param: string;
}

/** Every channel and user id the call names. A '#name' is looked up inside the token's team later. */
function references(params: Record<string, unknown>): Reference[] {
  const refs: Reference[] = [];
  const channel = asString(params.channel);
  if (channel && !channel.startsWith('#')) {
    refs.push({ kind: USER_ID.test(channel) ? 'user' : 'channel', id: channel, param: 'channel' });
  }
  for (const param of ['user', 'user_id']) {
    const id = asString(params[param]);
    if (id) refs.push({ kind: 'user', id, param });
  }
  for (const id of (asString(params.users) ?? '').split(',').filter((u) => u.length > 0)) {
    refs.push({ kind: 'user', id, param: 'users' });
  }
  return refs;
}

type TokenCheck = { error: string } | { grant: TokenGrant | undefined };

function checkToken(method: string, token: string | undefined, deps: AuthDeps): TokenCheck {
  if (!token) return { error: 'not_authed' };
  const grant = deps.installations.lookup(token);
  if (method === 'apps.connections.open') {
    // Socket Mode takes the app-level token and nothing else.
    if (token === deps.appToken) return { grant: undefined };
    return { error: grant ? 'not_allowed_token_type' : 'invalid_auth' };
  }
  if (token === deps.appToken) return { error: 'not_allowed_token_type' };
  if (!grant) return { error: 'invalid_auth' };
  if (grant.dead) return { error: grant.dead };
  if (grant.expiresAt !== undefined && grant.expiresAt <= deps.now()) return { error: 'token_expired' };
  return { grant };
}

/**
 * Check the token, then that each channel and user the call names lives in a workspace the token may act
 * in. A mismatch answers as Slack would (channel_not_found / user_not_found) and is recorded as an issue,
 * because it means the app picked the wrong workspace's token: a bug Slack would only hint at.
 */
export function authorizeCall(
  method: string,
  token: string | undefined,
  params: Record<string, unknown>,
  deps: AuthDeps,
): AuthResult {
  if (TOKENLESS_METHODS.has(method)) return { ok: true, auth: {} };
  const checked = checkToken(method, token, deps);
  if ('error' in checked) return { ok: false, error: checked.error };
  const grant = checked.grant;
  if (!grant) return { ok: true, auth: {} };
  const installation = grant.installation;
  const refs = references(params).map((ref) => ({
    ...ref,
    owner: ref.kind === 'channel' ? deps.directory.channelTeam(ref.id) : deps.directory.userTeam(ref.id),
  }));
  const teamId = installation.orgWide
    ? (asString(params.team_id) ?? refs.find((r) => r.owner !== undefined)?.owner)
    : installation.teamId;
  const mayActIn = (team: string): boolean =>
    installation.orgWide
      ? deps.directory.team(team)?.enterpriseId === installation.enterpriseId
      : team === teamId;
  const wrong = refs.filter((r) => r.owner !== undefined && !mayActIn(r.owner));
  const first = wrong[0];
  if (first) {
    const issues = wrong.map((r) => ({
      error: 'token_team_mismatch',
      message: `[ERROR] ${r.param} ${r.id} belongs to team ${r.owner}, but the token is ${installation.key}'s`,
    }));
    return { ok: false, error: first.kind === 'channel' ? 'channel_not_found' : 'user_not_found', issues };
  }
  if (installation.orgWide && teamId !== undefined && !installation.grantedTeams.has(teamId)) {
    return { ok: false, error: 'team_access_not_granted' };
  }
  const auth: CallAuth = { grant };
  if (teamId !== undefined) auth.teamId = teamId;
  return { ok: true, auth };
}
