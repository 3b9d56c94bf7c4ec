import { WebSocket } from 'ws';
import { z } from 'zod';

/** A Socket Mode message from Slack (https://docs.slack.dev/apis/events-api/using-socket-mode). */
const Message = z
  .object({
    type: z.string(),
    envelope_id: z.string().optional(),
    payload: z.record(z.string(), z.unknown()).optional(),
    retry_attempt: z.number().optional(),
    retry_reason: z.string().optional(),
    reason: z.string().optional(),
  })
  .loose();

export type SocketMessage = z.infer<typeof Message>;

export interface ConnectionEvents {
  /** An envelope (events_api, slash_commands, interactive); `hello` and `disconnect` are handled here. */
  envelope(message: SocketMessage & { envelope_id: string }): void;
  /** Slack sent `disconnect`: it is about to close this connection (refresh_requested, warning…). */
  refresh(reason: string): void;
  /** The socket closed, for whatever reason. */
  closed(): void;
}

export interface ConnectionTuning {
  /** How long to wait for `hello` after the socket opens, ms. */
  helloTimeoutMs: number;
  /** How often to ping Slack; no pong by the next ping means the connection is dead, ms. */
  pingEveryMs: number;
}

/**
 * One Socket Mode WebSocket. `live` resolves once Slack's `hello` arrives and rejects if the socket fails or
 * closes first (or `hello` is late). Acks go out on this connection.
 */
export class SocketConnection {
  readonly live: Promise<void>;
  private readonly ws: WebSocket;
  private pingTimer: NodeJS.Timeout | undefined;
  private isClosed = false;

  constructor(url: string, tuning: ConnectionTuning, events: ConnectionEvents) {
    this.ws = new WebSocket(url);
    let hello: (() => void) | undefined;
    let failed: ((err: Error) => void) | undefined;
    this.live = new Promise<void>((resolve, reject) => {
      hello = resolve;
      failed = reject;
    });
    const helloTimer = setTimeout(() => {
      failed?.(new Error(`no hello within ${tuning.helloTimeoutMs} ms`));
      this.ws.terminate();
    }, tuning.helloTimeoutMs);
    helloTimer.unref();
    this.ws.on('error', (err) => failed?.(err));
    this.ws.on('close', () => {
      clearTimeout(helloTimer);
      clearInterval(this.pingTimer);
      this.isClosed = true;
      failed?.(new Error('the socket closed before hello'));
      events.closed();
    });
    this.ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        return; // Not a Slack message: ignored, as Slack's own client does.
      }
      const message = Message.safeParse(json);
      if (!message.success) return;
      const m = message.data;
      if (m.type === 'hello') {
        clearTimeout(helloTimer);
        failed = undefined;
        hello?.();
        this.startPings(tuning.pingEveryMs);
      } else if (m.type === 'disconnect') {
        events.refresh(m.reason ?? 'unknown');
      } else if (m.envelope_id !== undefined) {
        events.envelope({ ...m, envelope_id: m.envelope_id });
      }
    });
    // A connection that failed before hello rejects `live`; whoever awaits it handles that.
    this.live.catch(() => undefined);
  }

  get open(): boolean {
    return !this.isClosed && this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends an envelope's ack; resolves once written to the socket. */
  send(message: Record<string, unknown>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ws.send(JSON.stringify(message), (err) => (err ? reject(err) : resolve()));
    });
  }

  /** Closes with 1000 and waits (at most `ms`) for the close handshake, then drops the socket. */
  close(ms = 1_000): Promise<void> {
    clearInterval(this.pingTimer);
    if (this.isClosed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.ws.terminate(), ms);
      timer.unref();
      this.ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      if (this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
      else this.ws.close(1000);
    });
  }

  private startPings(everyMs: number): void {
    let answered = true;
    this.ws.on('pong', () => {
      answered = true;
    });
    this.pingTimer = setInterval(() => {
      if (!answered) {
        this.ws.terminate(); // No pong for a whole interval: the network path is gone.
        return;
      }
      answered = false;
      this.ws.ping();
    }, everyMs);
    this.pingTimer.unref();
  }
}
