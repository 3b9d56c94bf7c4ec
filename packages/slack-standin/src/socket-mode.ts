import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import type { CallRecorder } from './recorder.js';
import type { EnvelopeType, SocketAck } from './types.js';

export const SOCKET_PATH = '/link';

export interface EnvelopeOptions {
  retryAttempt?: number;
  retryReason?: string;
  timeoutMs?: number;
}

const AckSchema = z.object({ envelope_id: z.string(), payload: z.unknown().optional() }).loose();

interface PendingAck {
  type: EnvelopeType;
  resolve: (ack: SocketAck) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Socket Mode over `ws` on the stand-in's HTTP server. The client's start() resolves only on `hello`
 * message, so it is sent the moment the socket opens. `ws` answers the client's pings itself.
 */
export class SocketModeServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly clients: WebSocket[] = [];
  private readonly pending = new Map<string, PendingAck>();
  private connectedWaiters: (() => void)[] = [];
  /** Each hello's `num_connections`, in order: a 2 means a client opened a second connection beside its first. */
  readonly hellos: number[] = [];

  constructor(
    private readonly recorder: CallRecorder,
    private readonly appId: string,
  ) {}

  /** A one-time URL, as apps.connections.open hands out. */
  issueUrl(baseUrl: string): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${baseUrl.replace(/^http/, 'ws')}${SOCKET_PATH}/?ticket=${ticket}`;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://standin');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname.replace(/\/$/, '') !== SOCKET_PATH || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
  }

  private onConnection(ws: WebSocket): void {
    this.clients.push(ws);
    ws.on('close', () => {
      const i = this.clients.indexOf(ws);
      if (i >= 0) this.clients.splice(i, 1);
    });
    ws.on('message', (data, isBinary) => {
      // Like the real client, ignore what cannot be parsed rather than crash.
      if (isBinary) return;
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        return;
      }
      const ack = AckSchema.safeParse(json);
      if (ack.success) this.onAck(ack.data.envelope_id, ack.data.payload, json);
    });
    const hello = {
      type: 'hello',
      num_connections: this.clients.length,
      debug_info: { host: 'standin', build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: this.appId },
    };
    this.hellos.push(hello.num_connections);
    ws.send(JSON.stringify(hello), () => {
      const waiters = this.connectedWaiters;
      this.connectedWaiters = [];
      for (const w of waiters) w();
    });
  }

  private onAck(envelopeId: string, payload: unknown, raw: unknown): void {
    const pending = this.pending.get(envelopeId);
    const params = typeof raw === 'object' && raw !== null ? { ...raw } : {};
    this.recorder.record({
      kind: 'socket-ack',
      method: 'ack',
      params,
      status: 200,
      response: null,
      ...(pending ? { envelopeType: pending.type } : {}),
    });
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending.delete(envelopeId);
    pending.resolve({ envelope_id: envelopeId, payload });
  }

  private openClient(): WebSocket | undefined {
    return [...this.clients].reverse().find((c) => c.readyState === c.OPEN);
  }

  connected(): Promise<void> {
    if (this.openClient()) return Promise.resolve();
    return new Promise((resolve) => this.connectedWaiters.push(resolve));
  }

  send(type: EnvelopeType, payload: Record<string, unknown>, opts: EnvelopeOptions = {}): Promise<SocketAck> {
    const ws = this.openClient();
    if (!ws)
      return Promise.reject(new Error('sendEnvelope: no Socket Mode client; await socketConnected() first'));
    const envelopeId = randomUUID();
    const envelope = {
      envelope_id: envelopeId,
      type,
      // Slack sets this for commands and interactivity, which may carry a response in the ack.
      accepts_response_payload: type !== 'events_api',
      retry_attempt: opts.retryAttempt ?? 0,
      retry_reason: opts.retryReason ?? '',
      payload,
    };
    const timeoutMs = opts.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new Error(`sendEnvelope: no ack for ${type} envelope ${envelopeId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(envelopeId, { type, resolve, reject, timer });
      ws.send(JSON.stringify(envelope));
    });
  }

  /** Ask clients to reconnect, as Slack does with refresh_requested; the client comes back ~5 s later. */
  disconnect(reason: 'refresh_requested' | 'warning' | 'too_many_websockets' = 'refresh_requested'): void {
    for (const ws of this.clients) ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: {} }));
  }

  /** Drops every connection without a close handshake, as a network failure or a Slack restart does. */
  drop(): void {
    for (const ws of this.clients) ws.terminate();
  }

  /** How many clients are connected now. */
  get connectionCount(): number {
    return this.clients.filter((c) => c.readyState === c.OPEN).length;
  }

  close(): Promise<void> {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new Error(`Slack stand-in closed before envelope ${id} was acked`));
    }
    this.pending.clear();
    const clients = [...this.clients];
    this.clients.length = 0;
    return Promise.all(clients.map(closeGracefully)).then(
      () => new Promise((resolve) => this.wss.close(() => resolve())),
    );
  }
}

/**
 * Finish the close handshake when the peer is already closing (Bolt's app.stop() sends close 1000 and
 * returns at once), so the client logs no 1006 error; terminate whoever does not answer quickly.
 */
function closeGracefully(ws: WebSocket): Promise<void> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => ws.terminate(), 500);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    if (ws.readyState === ws.OPEN) ws.close(1001, 'stand-in closing');
  });
}
