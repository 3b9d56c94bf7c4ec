import type {
  ChannelSpec,
  ChannelState,
  ConversationChange,
  ConversationChangeType,
  StoredMessage,
} from './types.js';

export const DEFAULT_CHANNELS: readonly ChannelSpec[] = [
  { id: 'C0GENERAL', name: 'general', isMember: true },
  { id: 'D0BOTDM', name: 'U0USER', isIm: true, isMember: true, user: 'U0USER' },
];

/** Two messages in one millisecond still get distinct ts, this many microseconds apart. */
const TS_STEP_MICROS = 100n;

export type NewMessage = Omit<StoredMessage, 'ts' | 'channel'>;

/**
 * Channels and their messages. Every change is reported through onChange so a sandbox page can mirror
 * the conversation without polling.
 */
export class Conversations {
  private readonly channels = new Map<string, ChannelState>();
  private lastMicros = 0n;
  private imCounter = 0;

  constructor(
    specs: readonly ChannelSpec[],
    private readonly onChange: (change: ConversationChange) => void,
  ) {
    for (const spec of specs) this.add(spec);
  }

  add(spec: ChannelSpec): ChannelState {
    const state: ChannelState = {
      id: spec.id,
      name: spec.name,
      isPrivate: spec.isPrivate ?? false,
      isMember: spec.isMember ?? true,
      isArchived: spec.isArchived ?? false,
      isIm: spec.isIm ?? spec.id.startsWith('D'),
      messages: this.channels.get(spec.id)?.messages ?? [],
    };
    if (spec.user !== undefined) state.user = spec.user;
    if (spec.creator !== undefined) state.creator = spec.creator;
    this.channels.set(spec.id, state);
    return state;
  }

  get(id: string): ChannelState | undefined {
    return this.channels.get(id);
  }

  list(): ChannelState[] {
    return [...this.channels.values()];
  }

  /**
   * A new im with a user. Its id comes from one counter for the whole stand-in, because conversation ids
   * are global in Slack even when each workspace opens its own DM with someone.
   */
  createIm(user: string): ChannelState {
    this.imCounter += 1;
    return this.add({ id: `D0IM${String(this.imCounter).padStart(5, '0')}`, name: user, isIm: true, user });
  }

  nextTs(): string {
    // Like Slack's: the time of posting in seconds, unique and increasing (a reader asking for messages
    // since a time, as conversations.history's `oldest` does, must find them).
    const now = BigInt(Date.now()) * 1_000n;
    const micros = now > this.lastMicros ? now : this.lastMicros + TS_STEP_MICROS;
    this.lastMicros = micros;
    const seconds = micros / 1_000_000n;
    const fraction = (micros % 1_000_000n).toString().padStart(6, '0');
    return `${seconds}.${fraction}`;
  }

  post(channelId: string, fields: NewMessage): StoredMessage {
    const channel = this.require(channelId);
    const message: StoredMessage = { ...withoutUndefined(fields), ts: this.nextTs(), channel: channelId };
    channel.messages.push(message);
    this.notify(message.ephemeral ? 'ephemeral' : 'posted', message);
    return message;
  }

  find(channelId: string, ts: string): StoredMessage | undefined {
    return this.channels.get(channelId)?.messages.find((m) => m.ts === ts);
  }

  /**
   * Change a message in place, keeping ts, channel, author, thread and visibility. 'merge' keeps fields
   * the patch leaves out (chat.update keeps old blocks); 'overwrite' drops them (replace_original).
   */
  replace(
    channelId: string,
    ts: string,
    fields: Partial<NewMessage>,
    mode: 'merge' | 'overwrite' = 'merge',
  ): StoredMessage | undefined {
    const channel = this.channels.get(channelId);
    const index = channel?.messages.findIndex((m) => m.ts === ts) ?? -1;
    const old = channel?.messages[index];
    if (!channel || !old) return undefined;
    const kept: Partial<StoredMessage> =
      mode === 'merge'
        ? old
        : { user: old.user, bot_id: old.bot_id, thread_ts: old.thread_ts, ephemeral: old.ephemeral };
    const message: StoredMessage = {
      ...withoutUndefined(kept),
      ...withoutUndefined(fields),
      ts,
      channel: channelId,
      replaced: true,
    };
    channel.messages[index] = message;
    this.notify('updated', message);
    return message;
  }

  remove(channelId: string, ts: string): StoredMessage | undefined {
    const channel = this.channels.get(channelId);
    const index = channel?.messages.findIndex((m) => m.ts === ts) ?? -1;
    const old = channel?.messages[index];
    if (!channel || !old) return undefined;
    channel.messages.splice(index, 1);
    this.notify('deleted', old);
    return old;
  }

  messages(channelId: string): StoredMessage[] {
    return [...(this.channels.get(channelId)?.messages ?? [])];
  }

  private require(id: string): ChannelState {
    const channel = this.channels.get(id);
    if (!channel) throw new Error(`stand-in: no channel ${id}`);
    return channel;
  }

  private notify(type: ConversationChangeType, message: StoredMessage): void {
    this.onChange({ type, channel: message.channel, message });
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The channel object Slack returns from conversations.info / conversations.open. */
export function channelWire(c: ChannelState): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    id: c.id,
    name: c.name,
    is_channel: !c.isIm && !c.isPrivate,
    is_group: !c.isIm && c.isPrivate,
    is_im: c.isIm,
    is_mpim: false,
    is_private: c.isPrivate,
    is_member: c.isMember,
    is_archived: c.isArchived,
    created: 1_700_000_000,
  };
  if (c.isIm && c.user !== undefined) wire.user = c.user;
  if (!c.isIm && c.creator !== undefined) wire.creator = c.creator;
  return wire;
}

/** The message object Slack returns in chat.postMessage / chat.update replies. */
export function messageWire(m: StoredMessage, teamId: string, appId: string): Record<string, unknown> {
  const wire: Record<string, unknown> = { type: 'message', ts: m.ts, team: teamId, app_id: appId };
  for (const key of ['user', 'bot_id', 'text', 'blocks', 'attachments', 'thread_ts', 'metadata'] as const) {
    if (m[key] !== undefined) wire[key] = m[key];
  }
  return wire;
}
