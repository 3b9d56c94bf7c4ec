import type { Conversations } from './conversations.js';
import type { TeamInfo, TeamSpec, TeamUserSpec } from './team-types.js';
import { checkTimeZone } from './team-users.js';
import type { ChannelSpec } from './types.js';

export interface TeamState extends Omit<TeamInfo, 'botToken'> {
  enterpriseName?: string;
  users: Map<string, TeamUserSpec>;
}

/** An Enterprise Grid organisation, known from the teams that name it. Its org-wide bot is a W user. */
export interface EnterpriseState {
  id: string;
  name: string;
  domain: string;
  botUserId: string;
  botId: string;
}

/** A team as the directory takes it: every default already filled in. */
export type ResolvedTeam = Omit<TeamState, 'users'> & {
  channels: readonly ChannelSpec[];
  users: TeamUserSpec[];
};

/** The id without its one-letter kind: T0AAA → 0AAA, the stem of the ids derived from it. */
function stem(id: string): string {
  return id.replace(/^[A-Z]/, '');
}

export function domainFor(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'team';
}

/** A TeamSpec with Slack-shaped defaults: its bot, one #general, and a default person. */
export function resolveTeam(spec: TeamSpec): ResolvedTeam {
  const s = stem(spec.id);
  const channels = spec.channels ?? [{ id: `C${s}GENERAL`, name: 'general' }];
  const users = spec.users ?? [];
  const person = users.find((u) => !u.isBot)?.id ?? `U${s}USER`;
  const team: ResolvedTeam = {
    id: spec.id,
    name: spec.name,
    domain: spec.domain ?? domainFor(spec.name),
    botUserId: spec.botUserId ?? `U${s}BOT`,
    botId: spec.botId ?? `B${s}BOT`,
    defaultChannel: channels.find((c) => !(c.isIm ?? c.id.startsWith('D')))?.id ?? channels[0]?.id ?? '',
    defaultUser: person,
    channels,
    users,
  };
  if (spec.enterpriseId !== undefined) team.enterpriseId = spec.enterpriseId;
  if (spec.enterpriseName !== undefined) team.enterpriseName = spec.enterpriseName;
  return team;
}

/**
 * Every workspace the stand-in serves and which of them owns each channel and user id. Ids are global in
 * Slack, so a second team claiming one is a configuration error, thrown at once.
 */
export class TeamDirectory {
  private readonly teams = new Map<string, TeamState>();
  private readonly enterprises = new Map<string, EnterpriseState>();
  private readonly channelOwners = new Map<string, string>();
  private readonly userOwners = new Map<string, string>();

  constructor(
    private readonly conversations: Conversations,
    readonly defaultTeamId: string,
  ) {}

  addTeam(resolved: ResolvedTeam): TeamState {
    if (this.teams.has(resolved.id))
      throw new Error(`Slack stand-in: team ${resolved.id} is configured twice`);
    const { channels, users, ...rest } = resolved;
    const team: TeamState = { ...rest, users: new Map() };
    this.teams.set(team.id, team);
    if (team.enterpriseId !== undefined && !this.enterprises.has(team.enterpriseId)) {
      const s = stem(team.enterpriseId);
      const name = team.enterpriseName ?? `${team.enterpriseId} Org`;
      this.enterprises.set(team.enterpriseId, {
        id: team.enterpriseId,
        name,
        domain: domainFor(name),
        botUserId: `W${s}BOT`,
        botId: `B${s}BOT`,
      });
    }
    this.claimUser(team.botUserId, team.id);
    this.claimUser(team.defaultUser, team.id);
    for (const user of users) this.setUser(team.id, user);
    for (const channel of channels) this.addChannel(team.id, channel);
    return team;
  }

  addChannel(teamId: string, spec: ChannelSpec): void {
    this.require(teamId);
    this.claim(this.channelOwners, 'channel', spec.id, teamId);
    if (spec.user !== undefined) this.claimUser(spec.user, teamId);
    this.conversations.add(spec);
  }

  /** Add a person to a team, or change one it has (their admin flag, say). */
  setUser(teamId: string, user: TeamUserSpec): void {
    const team = this.require(teamId);
    if (user.tz !== undefined) checkTimeZone(user.tz, user.id);
    this.claimUser(user.id, teamId);
    team.users.set(user.id, user);
  }

  /** Record that a conversation (an im opened through the API, say) belongs to a team. */
  claimChannel(channelId: string, teamId: string): void {
    this.claim(this.channelOwners, 'channel', channelId, teamId);
  }

  team(id: string): TeamState | undefined {
    return this.teams.get(id);
  }

  /** The named team, or the default team when no name is given; an unknown name throws. */
  require(id: string = this.defaultTeamId): TeamState {
    const team = this.teams.get(id);
    if (!team) throw new Error(`Slack stand-in: no team ${id}; configure it in teams: [...]`);
    return team;
  }

  list(): TeamState[] {
    return [...this.teams.values()];
  }

  enterprise(id: string): EnterpriseState | undefined {
    return this.enterprises.get(id);
  }

  teamsOf(enterpriseId: string): TeamState[] {
    return this.list().filter((t) => t.enterpriseId === enterpriseId);
  }

  channelTeam(channelId: string): string | undefined {
    return this.channelOwners.get(channelId);
  }

  userTeam(userId: string): string | undefined {
    return this.userOwners.get(userId);
  }

  private claimUser(userId: string, teamId: string): void {
    this.claim(this.userOwners, 'user', userId, teamId);
  }

  private claim(owners: Map<string, string>, kind: string, id: string, teamId: string): void {
    const owner = owners.get(id);
    if (owner !== undefined && owner !== teamId) {
      throw new Error(
        `Slack stand-in: ${kind} ${id} belongs to team ${owner}, so team ${teamId} cannot have it`,
      );
    }
    owners.set(id, teamId);
  }
}
