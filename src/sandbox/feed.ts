import type { ServerResponse } from 'node:http';
import type { ConversationChange, RecordedCall, SlackStandin } from '@osm-feature-bot/slack-standin';
import {
  type ChannelView,
  channelView,
  type Directory,
  type MessageView,
  messageView,
  sandboxDirectory,
} from './message-view.js';

/** What the page receives over SSE. */
export type FeedEvent =
  | { type: 'snapshot'; channels: ChannelView[]; messages: MessageView[] }
  | { type: 'posted' | 'updated' | 'ephemeral'; message: MessageView }
  | { type: 'deleted'; channel: string; ts: string };

/**
 * Mirrors the stand-in's conversations to every open page over Server-Sent Events.
 *
 * The Payload toggle wants the JSON the bot sent, which is the params of the Web API or response_url call
 * that made the message. The stand-in changes its conversation model synchronously while handling that
 * call and records the call right after, in the same tick, so a change is held until the next call
 * record (or a microtask, for changes no call caused) and pushed with that call's params.
 */
export class ConversationFeed {
  private readonly clients = new Set<ServerResponse>();
  private readonly payloads = new Map<string, unknown>();
  private pending: ConversationChange[] = [];
  private readonly onMessage = (change: ConversationChange): void => {
    this.pending.push(change);
    queueMicrotask(() => this.flush(undefined));
  };
  private readonly onCall = (call: RecordedCall): void => {
    if (call.kind === 'api' || call.kind === 'respond') this.flush(botPayload(call.params));
  };

  constructor(private readonly standin: SlackStandin) {
    standin.on('message', this.onMessage);
    standin.on('call', this.onCall);
  }

  /** Push held changes now, with the payload that made them (the sandbox's own posts pass the ack body). */
  flush(payload: unknown): void {
    const changes = this.pending;
    this.pending = [];
    for (const change of changes) this.publish(change, payload);
  }

  /** Start streaming to a page: a snapshot first, then every change. */
  subscribe(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    this.send(res, this.snapshot());
  }

  snapshot(): FeedEvent {
    const channels = this.standin.listChannels();
    const dir = this.directory();
    const messages = channels.flatMap((c) =>
      c.messages.map((m) => messageView(m, dir, this.payloads.get(key(m.channel, m.ts)))),
    );
    return { type: 'snapshot', channels: channels.map(channelView), messages };
  }

  close(): void {
    this.standin.off('message', this.onMessage);
    this.standin.off('call', this.onCall);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private publish(change: ConversationChange, payload: unknown): void {
    const { message } = change;
    if (change.type === 'deleted') {
      this.payloads.delete(key(message.channel, message.ts));
      this.broadcast({ type: 'deleted', channel: message.channel, ts: message.ts });
      return;
    }
    const fromBot = message.bot_id !== undefined;
    if (fromBot && payload !== undefined) this.payloads.set(key(message.channel, message.ts), payload);
    const shown = fromBot ? this.payloads.get(key(message.channel, message.ts)) : undefined;
    this.broadcast({ type: change.type, message: messageView(message, this.directory(), shown) });
  }

  private directory(): Directory {
    return sandboxDirectory(this.standin.botUserId, this.standin.listChannels());
  }

  private broadcast(event: FeedEvent): void {
    for (const res of this.clients) this.send(res, event);
  }

  private send(res: ServerResponse, event: FeedEvent): void {
    res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  }
}

function key(channel: string, ts: string): string {
  return `${channel}/${ts}`;
}

/** The call's params as the bot sent them, without the token web-api may put in the body. */
function botPayload(params: Record<string, unknown>): Record<string, unknown> {
  const { token: _token, ...rest } = params;
  return rest;
}
