import type { InstallationRecord, Installations, TokenGrant } from './installations.js';
import type { TeamDirectory } from './teams.js';
import type { HttpResult } from './types.js';

export interface UninstallOptions {
  /** The event the app gets first; Slack does not promise an order (default 'app_uninstalled'). */
  first?: 'app_uninstalled' | 'tokens_revoked';
  /** false: only kill the tokens, as if the events were lost (default true). */
  sendEvents?: boolean;
}

export interface RevokeOptions {
  /** Which tokens to revoke (default both bot and user tokens). */
  types?: TokenGrant['type'][];
  /** false: only kill the tokens, without a tokens_revoked event (default true). */
  sendEvent?: boolean;
}

/** What the app answered to one lifecycle event. */
export interface LifecycleDelivery extends HttpResult {
  type: string;
  eventId: string;
}

export interface LifecycleDeps {
  directory: TeamDirectory;
  installations: Installations;
  /** The event_callback envelope for an event in a team (payloads.buildEventEnvelope). */
  envelope(event: Record<string, unknown>, team: string): Record<string, unknown>;
  /** Send a signed event to the app. */
  post(body: Record<string, unknown>): Promise<HttpResult>;
}

function requireInstallation(deps: LifecycleDeps, key: string): InstallationRecord {
  const installation = deps.installations.installation(key);
  if (!installation) throw new Error(`Slack stand-in: ${key} has no installation to uninstall or revoke`);
  return installation;
}

/**
 * The envelope names the installation the event is about, whatever serves the team by now: an org-wide
 * install's authorization has no team (https://api.slack.com/enterprise/apps/reference).
 */
async function deliver(
  deps: LifecycleDeps,
  installation: InstallationRecord,
  event: Record<string, unknown>,
  team = installation.teamId ?? [...installation.grantedTeams][0] ?? deps.directory.defaultTeamId,
): Promise<LifecycleDelivery> {
  const body = deps.envelope(event, team);
  body.authorizations = [
    {
      enterprise_id: installation.enterpriseId ?? null,
      team_id: installation.orgWide ? null : (installation.teamId ?? null),
      user_id: installation.botUserId,
      is_bot: true,
      is_enterprise_install: installation.orgWide,
    },
  ];
  if (installation.enterpriseId !== undefined) body.enterprise_id = installation.enterpriseId;
  const answer = await deps.post(body);
  return { ...answer, type: String(event.type), eventId: String(body.event_id) };
}

/** https://api.slack.com/events/tokens_revoked: the users whose user tokens died, and the bot users. */
function tokensRevoked(gone: Record<'bot' | 'user', string[]>): Record<string, unknown> {
  return { type: 'tokens_revoked', tokens: { oauth: gone.user, bot: gone.bot } };
}

/**
 * Uninstall the app from a team (or an org-wide install from its enterprise): every token of the
 * installation answers account_inactive from now on, then the app hears tokens_revoked and
 * app_uninstalled, in the order asked for.
 */
export async function uninstallApp(deps: LifecycleDeps, key: string, opts: UninstallOptions = {}) {
  const installation = requireInstallation(deps, key);
  const gone = deps.installations.revoke(key, 'account_inactive', ['bot', 'user']);
  if (opts.sendEvents === false) return [];
  const events = [tokensRevoked(gone), { type: 'app_uninstalled' }];
  if ((opts.first ?? 'app_uninstalled') === 'app_uninstalled') events.reverse();
  const deliveries: LifecycleDelivery[] = [];
  for (const event of events) deliveries.push(await deliver(deps, installation, event));
  return deliveries;
}

/** Revoke tokens (as auth.revoke or an admin would): they answer token_revoked; the app hears tokens_revoked. */
export async function revokeAppTokens(deps: LifecycleDeps, key: string, opts: RevokeOptions = {}) {
  const installation = requireInstallation(deps, key);
  const gone = deps.installations.revoke(key, 'token_revoked', opts.types ?? ['bot', 'user']);
  if (opts.sendEvent === false) return [];
  return [await deliver(deps, installation, tokensRevoked(gone))];
}

/**
 * An org admin adds workspaces to an org-wide install, or takes them away; the app hears
 * team_access_granted / team_access_revoked (https://api.slack.com/events/team_access_granted).
 */
export async function changeTeamAccess(
  deps: LifecycleDeps,
  enterpriseId: string,
  teamIds: readonly string[],
  granted: boolean,
): Promise<LifecycleDelivery[]> {
  const installation = requireInstallation(deps, enterpriseId);
  if (!installation.orgWide) throw new Error(`Slack stand-in: ${enterpriseId} has no org-wide install`);
  for (const id of teamIds) {
    if (deps.directory.team(id)?.enterpriseId !== enterpriseId) {
      throw new Error(`Slack stand-in: team ${id} is not in enterprise ${enterpriseId}`);
    }
    if (granted) installation.grantedTeams.add(id);
    else installation.grantedTeams.delete(id);
  }
  const type = granted ? 'team_access_granted' : 'team_access_revoked';
  return [await deliver(deps, installation, { type, team_ids: [...teamIds] }, teamIds[0])];
}
