import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from 'pino';
import { openConnectionUrl } from './connections-open.js';
import { type ConnectionTuning, SocketConnection, type SocketMessage } from './socket-connection.js';

export interface Backoff {
  /** The first retry's delay, ms; each failure doubles it up to `maxMs`, with full jitter. */
  minMs: number;
  maxMs: number;
}

export interface SocketReceiverOptions {
  appToken: string;
  /** Slack's Web API base, ending in `/` (default https://slack.com/api/). */
  slackApiUrl?: string;
  log: Logger;
  backoff?: Backoff;
  tuning?: Partial<ConnectionTuning>;
  /** A connection came back after a drop or a refresh. */
  onReconnect?: () => void;
  random?: () => number;
}

const DEFAULT_BACKOFF: Backoff = { minMs: 1_000, maxMs: 30_000 };
const DEFAULT_TUNING: ConnectionTuning = { helloTimeoutMs: 10_000, pingEveryMs: 15_000 };
/** After a refresh, the old connection is closed once its envelopes are acked, or after this long. */
const OLD_CONNECTION_GRACE_MS = 5_000;
/** On stop, envelopes already received get this long to be acked before their connection closes. */
const STOP_ACK_GRACE_MS = 3_000;

class Stopped extends Error {}

interface Unacked {
  ids: Set<string>;
  /** Called once no envelope of the connection waits for its ack. */
  drained: Set<() => void>;
}

/**
 * Socket Mode for Bolt, built to ride out a bad network. Slack may hold several connections for one app
 * (https://docs.slack.dev/apis/events-api/using-socket-mode), which this uses:
 * - a failed apps.connections.open (HTTP 500, a timeout) is retried forever with capped, jittered backoff,
 *   and never ends the process; only a token Slack refuses at the very first start is fatal;
 * - on `disconnect` (refresh_requested), the new connection is opened while the old one still answers, and
 *   the old one is closed only once the new one said hello and the old one's envelopes are acked;
 * - each envelope is acked once, on the connection it came on (on the current one if that closed).
 */
export class ResilientSocketReceiver implements Receiver {
  private app: App | undefined;
  private current: SocketConnection | undefined;
  private replacing: Promise<void> | undefined;
  private stopping = false;
  private readonly wake = new Set<() => void>();
  /** Each connection's envelopes not acked yet, and who waits for there to be none. */
  private readonly inProgress = new Map<SocketConnection, Unacked>();
  private readonly backoff: Backoff;
  private readonly tuning: ConnectionTuning;
  private readonly apiUrl: string;

  constructor(private readonly opts: SocketReceiverOptions) {
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.tuning = { ...DEFAULT_TUNING, ...opts.tuning };
    this.apiUrl = opts.slackApiUrl ?? 'https://slack.com/api/';
  }

  init(app: App): void {
    this.app = app;
  }

  /** A live socket: Slack said hello on it and it has not closed. */
  isConnected(): boolean {
    return this.current?.open === true;
  }

  /** Resolves once the first connection is live (retrying transient failures as long as it takes). */
  async start(): Promise<void> {
    this.stopping = false;
    this.current = await this.connect(true);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const w of this.wake) w();
    this.wake.clear();
    const connections = [...this.inProgress.keys()];
    this.current = undefined;
    // Envelopes received are acked before their connection closes (Slack waits 3 s for an ack).
    await Promise.all(connections.map((c) => this.retire(c, STOP_ACK_GRACE_MS)));
    await this.replacing?.catch(() => undefined);
  }

  /** Opens a connection, retrying until one says hello. */
  private async connect(firstStart: boolean): Promise<SocketConnection> {
    for (let attempt = 0; ; attempt += 1) {
      if (this.stopping) throw new Stopped('stopped');
      const opened = await openConnectionUrl(this.apiUrl, this.opts.appToken);
      if (!opened.ok && opened.permanent && firstStart)
        throw new Error(`Socket Mode: apps.connections.open refused the app-level token (${opened.reason})`);
      let failure = opened.ok ? '' : opened.reason;
      if (opened.ok) {
        const connection = this.track(opened.url);
        try {
          await connection.live;
          if (attempt > 0) this.opts.log.info({ attempts: attempt + 1 }, 'Socket Mode connected again');
          return connection;
        } catch (err) {
          this.inProgress.delete(connection);
          failure = err instanceof Error ? err.message : String(err);
        }
      }
      const delay = this.delayFor(attempt);
      this.opts.log.warn(
        { attempt: attempt + 1, retryInMs: Math.round(delay) },
        `Socket Mode could not connect (${failure}); retrying`,
      );
      await this.sleep(delay);
    }
  }

  private track(url: string): SocketConnection {
    const envelopes: Unacked = { ids: new Set(), drained: new Set() };
    const connection: SocketConnection = new SocketConnection(url, this.tuning, {
      envelope: (m) => void this.onEnvelope(connection, m),
      refresh: (reason) => {
        this.opts.log.debug({ reason }, 'Slack asked to reconnect');
        if (connection === this.current) this.replace(connection);
      },
      closed: () => {
        this.inProgress.delete(connection);
        if (connection !== this.current || this.stopping) return;
        this.current = undefined;
        this.opts.log.warn('the Socket Mode connection closed; reconnecting');
        this.replace(connection);
      },
    });
    this.inProgress.set(connection, envelopes);
    return connection;
  }

  /** Opens the next connection (once, however many refreshes and closes ask), then retires `old`. */
  private replace(old: SocketConnection): void {
    if (this.replacing || this.stopping) return;
    this.replacing = (async () => {
      try {
        const next = await this.connect(false);
        this.current = next;
        this.opts.onReconnect?.();
        void this.retire(old, OLD_CONNECTION_GRACE_MS);
      } catch (err) {
        if (!(err instanceof Stopped)) this.opts.log.error({ err }, 'Socket Mode reconnect gave up');
      } finally {
        this.replacing = undefined;
      }
    })();
  }

  /** Closes a replaced connection once nothing it delivered waits for an ack (or after a grace). */
  private async retire(old: SocketConnection, graceMs: number): Promise<void> {
    const unacked = this.inProgress.get(old);
    if (unacked && unacked.ids.size > 0 && old.open) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          unacked.drained.delete(done);
          resolve();
        };
        const timer = setTimeout(done, graceMs);
        unacked.drained.add(done);
      });
    }
    await old.close();
  }

  private async onEnvelope(
    from: SocketConnection,
    m: SocketMessage & { envelope_id: string },
  ): Promise<void> {
    const app = this.app;
    const pending = this.inProgress.get(from);
    if (!app || !pending || !m.payload) return;
    // Slack may deliver an envelope again on another connection while the first copy is being handled.
    for (const other of this.inProgress.values()) if (other.ids.has(m.envelope_id)) return;
    pending.ids.add(m.envelope_id);
    const settle = (): void => {
      pending.ids.delete(m.envelope_id);
      if (pending.ids.size === 0) for (const done of [...pending.drained]) done();
    };
    let acked = false;
    const ack = async (response?: unknown): Promise<void> => {
      if (acked) return;
      acked = true;
      settle();
      const payload = typeof response === 'string' ? { text: response } : (response ?? {});
      const via = from.open ? from : this.current;
      if (!via?.open) {
        this.opts.log.warn({ type: m.type }, 'no Socket Mode connection to ack on; Slack will redeliver');
        return;
      }
      await via.send({ envelope_id: m.envelope_id, payload });
    };
    const event: ReceiverEvent = {
      body: m.payload,
      ack,
      ...(m.retry_attempt === undefined ? {} : { retryNum: m.retry_attempt }),
      ...(m.retry_reason === undefined ? {} : { retryReason: m.retry_reason }),
      customProperties: {},
    };
    try {
      await app.processEvent(event);
    } catch (err) {
      this.opts.log.error({ err, type: m.type }, 'a Socket Mode envelope failed before a listener ran');
      await ack().catch(() => undefined);
    } finally {
      settle();
    }
  }

  /** Half the capped exponential bound plus a random part of the other half, so replicas do not retry in step. */
  private delayFor(attempt: number): number {
    const bound = Math.min(this.backoff.maxMs, this.backoff.minMs * 2 ** Math.min(attempt, 30));
    const random = this.opts.random ?? Math.random;
    return bound / 2 + (bound / 2) * random();
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake.add(done);
    });
  }
}
