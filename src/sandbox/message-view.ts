import type { ChannelState, StoredMessage } from '@osm-feature-bot/slack-standin';
import { escapeHtml } from '../shared/html.js';
import { blocksToHtml, placeholderHtml } from './blockkit-html.js';
import { mrkdwnToHtml, type NameLookup } from './mrkdwn-html.js';
import { BOT_NAME, SANDBOX_USER, SLACKBOT } from './workspace.js';

/** A message as the page shows it: who sent it, where, and its body already rendered to safe HTML. */
export interface MessageView {
  channel: string;
  ts: string;
  /** Set for a reply: the ts of the message it answers. */
  threadTs?: string;
  sender: { id: string; name: string; bot: boolean };
  /** Only visible to the sandbox user. */
  ephemeral: boolean;
  edited: boolean;
  html: string;
  /** The JSON the bot sent (for the Payload toggle); absent for people's messages. */
  payload?: unknown;
}

/** A conversation in the sidebar. */
export interface ChannelView {
  id: string;
  /** 'general' for a channel; the other person's name for a DM. */
  name: string;
  isIm: boolean;
}

/** Who is who in the sandbox workspace. */
export interface Directory extends NameLookup {
  botUserId: string;
}

/** Names for mention pills and message senders, from the stand-in's ids. Pure. */
export function sandboxDirectory(botUserId: string, channels: readonly ChannelState[]): Directory {
  const users: Record<string, string> = {
    [botUserId]: BOT_NAME,
    [SANDBOX_USER.id]: SANDBOX_USER.name,
    [SLACKBOT.id]: SLACKBOT.name,
  };
  return {
    botUserId,
    userName: (id) => users[id],
    channelName: (id) => channels.find((c) => c.id === id)?.name,
  };
}

/** The sidebar entry for a conversation: a DM with the sandbox user is the DM with the bot. Pure. */
export function channelView(channel: ChannelState): ChannelView {
  return { id: channel.id, name: channel.isIm ? BOT_NAME : channel.name, isIm: channel.isIm };
}

/** The body: blocks when there are any (as Slack shows them), else the mrkdwn text. Pure. */
export function messageBodyHtml(message: StoredMessage, names: NameLookup): string {
  const parts: string[] = [];
  if (message.blocks && message.blocks.length > 0) parts.push(blocksToHtml(message.blocks, names));
  else if (message.text) parts.push(`<div class="bk-text">${mrkdwnToHtml(message.text, names)}</div>`);
  for (const attachment of message.attachments ?? []) parts.push(attachmentHtml(attachment, names));
  return parts.join('') || `<div class="bk-text msg-empty">${escapeHtml('(empty message)')}</div>`;
}

/** Legacy attachments are not part of the bot's output: shown by their text, or as a placeholder. */
function attachmentHtml(attachment: unknown, names: NameLookup): string {
  if (typeof attachment !== 'object' || attachment === null) return placeholderHtml('element', 'attachment');
  const a = attachment as Record<string, unknown>;
  const inner = Array.isArray(a.blocks)
    ? blocksToHtml(a.blocks, names)
    : typeof a.text === 'string'
      ? mrkdwnToHtml(a.text, names)
      : placeholderHtml('element', 'attachment');
  return `<div class="bk-attachment">${inner}</div>`;
}

/** A stored message as the page shows it. Pure. */
export function messageView(message: StoredMessage, dir: Directory, payload?: unknown): MessageView {
  const senderId = message.user ?? (message.bot_id ? dir.botUserId : 'unknown');
  const view: MessageView = {
    channel: message.channel,
    ts: message.ts,
    sender: {
      id: senderId,
      name: dir.userName?.(senderId) ?? senderId,
      bot: message.bot_id !== undefined || senderId === dir.botUserId || senderId === SLACKBOT.id,
    },
    ephemeral: message.ephemeral !== undefined,
    edited: message.replaced === true,
    html: messageBodyHtml(message, dir),
  };
  if (message.thread_ts !== undefined && message.thread_ts !== message.ts) view.threadTs = message.thread_ts;
  if (payload !== undefined) view.payload = payload;
  return view;
}
