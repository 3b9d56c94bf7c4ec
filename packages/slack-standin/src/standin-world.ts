import { EventEmitter } from 'node:events';
import type { NewMessage } from './conversations.js';
import type { StandinParts } from './parts.js';
import type { CallMatch, WaitOptions } from './recorder.js';
import { teamInfo } from './team-identity.js';
import type { TeamInfo, TeamUserSpec, TokenRefresh } from './team-types.js';
import type {
  ChannelSpec,
  ChannelState,
  Fault,
  FaultOptions,
  RecordedCall,
  ResponseUrlContext,
  StandinEvents,
  StoredMessage,
  Violation,
} from './types.js';

/** Names the workspace a helper acts in; the default team when left out. */
export interface TeamOption {
  team?: string;
}

/**
 * What a test reads and arranges in the stand-in's Slack: recorded calls, conversations, workspaces and
 * their people, injected faults. SlackStandin adds starting, driving the app, and installs.
 */
export abstract class StandinWorld extends EventEmitter<StandinEvents> {
  protected abstract readonly parts: StandinParts;

  get calls(): RecordedCall[] {
    return this.parts.recorder.calls;
  }

  /** Block Kit / missing-text violations, and calls that used one team's token for another's ids. */
  get violations(): Violation[] {
    return this.parts.recorder.violations;
  }

  callsTo(method: string): RecordedCall[] {
    return this.parts.recorder.callsTo(method);
  }

  waitForCall(match: CallMatch, opts?: WaitOptions): Promise<RecordedCall[]> {
    return this.parts.recorder.waitForCall(match, opts);
  }

  unknownCalls(): RecordedCall[] {
    return this.parts.recorder.unknownCalls();
  }

  assertClean(): void {
    this.parts.recorder.assertClean();
  }

  newResponseUrl(context: ResponseUrlContext = {}): string {
    return this.parts.responseUrls.create(context);
  }

  /** Add a conversation to a workspace (default: the default team). Its id must be new to other teams. */
  addChannel(spec: ChannelSpec, opts: TeamOption = {}): void {
    this.parts.directory.addChannel(opts.team ?? this.parts.directory.defaultTeamId, spec);
  }

  channel(id: string): ChannelState | undefined {
    return this.parts.conversations.get(id);
  }

  messages(channelId: string): StoredMessage[] {
    return this.parts.conversations.messages(channelId);
  }

  /** Every conversation the stand-in knows, in the order they were added; with `team`, that team's only. */
  listChannels(opts: TeamOption = {}): ChannelState[] {
    const all = this.parts.conversations.list();
    const { team } = opts;
    return team === undefined ? all : all.filter((c) => this.parts.directory.channelTeam(c.id) === team);
  }

  /**
   * Put a message into a conversation the way Slack's side would: a person posting (the sandbox's user)
   * or Slack showing a slash command's ack body. Emits 'message' like any other post.
   */
  addMessage(channelId: string, fields: NewMessage): StoredMessage {
    return this.parts.conversations.post(channelId, fields);
  }

  homeView(userId: string): Record<string, unknown> | undefined {
    return this.parts.homeViews.get(userId);
  }

  /** Queue a fault for the next matching calls; `team` limits it to calls acting in that workspace. */
  injectFault(method: string, fault: Fault, opts?: FaultOptions): void {
    this.parts.faults.add(method, fault, opts);
  }

  /** A workspace, with the newest bot token that works in it (default: the default team). */
  team(id: string = this.parts.directory.defaultTeamId): TeamInfo | undefined {
    return teamInfo(this.parts, id);
  }

  listTeams(): TeamInfo[] {
    return this.parts.directory.list().flatMap((t) => teamInfo(this.parts, t.id) ?? []);
  }

  /** Add a person to a workspace, or change one (make them an admin, move their time zone). */
  setUser(user: TeamUserSpec, opts: TeamOption = {}): void {
    this.parts.directory.setUser(opts.team ?? this.parts.directory.defaultTeamId, user);
  }

  /** Every refresh-token exchange so far, refused ones included: two replicas racing show up as two. */
  get tokenRefreshes(): TokenRefresh[] {
    return [...this.parts.installations.refreshes];
  }
}
