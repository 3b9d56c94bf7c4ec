import type { Conversations } from './conversations.js';
import { unconfiguredUser, userWire } from './team-users.js';
import type { TeamDirectory } from './teams.js';
import type { ChannelState } from './types.js';
import { USER_ID } from './values.js';

export interface ScopeDeps {
  conversations: Conversations;
  directory: TeamDirectory;
  now: () => number;
}

/**
 * What one Web API call may see: the workspace it acts in. Ids are global, so a plain id resolves
 * anywhere (the token check already refused another team's); names and DMs are per workspace.
 */
export class TeamScope {
  constructor(
    readonly deps: ScopeDeps,
    /** The workspace the call acts in; undefined for an org-wide token that named none. */
    readonly teamId: string | undefined,
    /** The calling bot (or person, for a user token). */
    private readonly callerId: string,
  ) {}

  /** What chat.postMessage takes as `channel`: an id, a '#name' here, or a user id (the bot's DM with them). */
  resolveChannel(ref: string): ChannelState | undefined {
    const { conversations } = this.deps;
    if (ref.startsWith('#'))
      return conversations.list().find((c) => c.name === ref.slice(1) && this.owns(c.id));
    const direct = conversations.get(ref);
    if (direct) return direct;
    return USER_ID.test(ref) ? this.openIm(ref) : undefined;
  }

  /** The bot's DM with a person in this workspace, opened on first use (conversations.open). */
  openIm(user: string): ChannelState {
    const { conversations, directory } = this.deps;
    const existing = conversations.list().find((c) => c.isIm && c.user === user && this.owns(c.id));
    if (existing) return existing;
    const created = conversations.createIm(user);
    if (this.teamId !== undefined) directory.claimChannel(created.id, this.teamId);
    return created;
  }

  /** users.info's user: someone configured, the calling bot, or an ordinary member named after the id. */
  userInfo(id: string): Record<string, unknown> | undefined {
    const { directory, now } = this.deps;
    const teamId = directory.userTeam(id) ?? this.teamId;
    const team = teamId === undefined ? undefined : directory.team(teamId);
    if (!team) return undefined;
    const isBot = id === team.botUserId || id === this.callerId;
    const user =
      team.users.get(id) ?? (isBot ? { id, name: 'osm-feature-bot', isBot } : unconfiguredUser(id));
    return userWire(user, team.id, now());
  }

  /** Names and DMs belong to one workspace: an org-wide call that named none finds neither. */
  private owns(channelId: string): boolean {
    return this.teamId !== undefined && this.deps.directory.channelTeam(channelId) === this.teamId;
  }
}
