import type { InstallationRecord, Installations } from './installations.js';
import type { PayloadTeam } from './payloads.js';
import type { TeamInfo } from './team-types.js';
import type { TeamDirectory, TeamState } from './teams.js';

export interface IdentityDeps {
  directory: TeamDirectory;
  installations: Installations;
}

/**
 * The organisation's org-wide installation when it serves this team: the team has no active install of
 * its own and the org install was granted the team. It still answers after an uninstall, so the events
 * announcing it carry the installation they are about.
 */
function orgInstallFor(deps: IdentityDeps, team: TeamState): InstallationRecord | undefined {
  if (team.enterpriseId === undefined || deps.installations.isActive(team.id)) return undefined;
  const org = deps.installations.installation(team.enterpriseId);
  return org?.orgWide && org.grantedTeams.has(team.id) ? org : undefined;
}

/** The bot that acts in a team: its own, or its organisation's org-wide one. */
export function servingBot(
  deps: IdentityDeps,
  teamId: string | undefined,
): { botUserId: string; botId: string } {
  const team = deps.directory.require(teamId);
  const org = orgInstallFor(deps, team);
  return org
    ? { botUserId: org.botUserId, botId: org.botId }
    : { botUserId: team.botUserId, botId: team.botId };
}

export function payloadTeam(deps: IdentityDeps, teamId: string | undefined): PayloadTeam {
  const team = deps.directory.require(teamId);
  const org = orgInstallFor(deps, team);
  const payload: PayloadTeam = {
    teamId: team.id,
    domain: team.domain,
    botUserId: org?.botUserId ?? team.botUserId,
    isEnterpriseInstall: org !== undefined,
    defaultChannel: team.defaultChannel,
    defaultUser: team.defaultUser,
  };
  if (team.enterpriseId !== undefined) {
    payload.enterpriseId = team.enterpriseId;
    payload.enterpriseName = deps.directory.enterprise(team.enterpriseId)?.name ?? '';
  }
  return payload;
}

export function teamInfo(deps: IdentityDeps, teamId: string): TeamInfo | undefined {
  const team = deps.directory.team(teamId);
  if (!team) return undefined;
  const { users: _users, enterpriseName: _name, ...info } = team;
  const org = orgInstallFor(deps, team);
  const token = deps.installations.liveBotToken(org?.key ?? team.id);
  return token === undefined ? { ...info } : { ...info, botToken: token };
}
