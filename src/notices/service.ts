import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { RegistryProvider, SourceVersion } from '../registry/provider.js';
import type { Registry } from '../registry/schema.js';
import type { Store } from '../store/store.js';
import { type AnnounceOutcome, Announcer } from './announcer.js';
import { releaseEndedMutes } from './catch-up.js';
import { registryFingerprint } from './change-set.js';
import { releaseDueDigests } from './digests.js';
import { OutboxSender } from './sender.js';
import type { NoticeSlack, SenderEvent, SenderTuning } from './sender-types.js';

export interface NoticeEvents {
  committed: [AnnounceOutcome];
  /** The registry answered from changed because another replica committed it. */
  adopted: [Registry];
  /** A commit failed (a full disk, the database down); it is retried with backoff. */
  commitFailed: [unknown];
  /** Another replica holds the announcer lease (it is committing, or died holding it); ours is retried. */
  announcerBusy: [];
  sent: [Extract<SenderEvent, { type: 'sent' }>];
  reconciled: [Extract<SenderEvent, { type: 'reconciled' }>];
  retry: [Extract<SenderEvent, { type: 'retry' }>];
  failed: [Extract<SenderEvent, { type: 'failed' }>];
  parked: [Extract<SenderEvent, { type: 'parked' }>];
}

/** The running notice pipeline: registry versions in, one notice per channel per change out. */
export interface NoticeService extends EventEmitter<NoticeEvents> {
  /** What every answer comes from: the last committed registry, never one that is not announced yet. */
  readonly registry: RegistryProvider;
  /**
   * A new good registry from this replica's source. Resolves once it is committed (or found unchanged, or
   * behind the announced one); never rejects: a failed commit is retried with backoff until it succeeds.
   */
  onRegistry(registry: Registry, source?: SourceVersion): Promise<AnnounceOutcome | undefined>;
  /** Resolves once the outbox is drained (nothing pending or in flight). */
  whenIdle(): Promise<void>;
  /** Queues held notices now due: the catch-up of every mute that has ended, and every due digest (also every sync interval). */
  releaseHeldNotices(): Promise<void>;
  /** Finishes or hands back in-flight sends and stops committing; call before closing the store. */
  stop(): Promise<void>;
}

export interface NoticeOptions {
  store: Store;
  log: Logger;
  slack: NoticeSlack;
  /** This replica's name on leases (default: the sender's random one). */
  worker?: string;
  tuning?: Partial<SenderTuning>;
  /** How often to look for a registry another replica committed (default 2 s). */
  syncMs?: number;
  now?: () => number;
  random?: () => number;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;
const BUSY_RETRY_MS = 250;

class Notices extends EventEmitter<NoticeEvents> implements NoticeService {
  readonly registry: RegistryProvider;
  private committed: Registry;
  private committedHash: string;
  private readonly announcer: Announcer;
  /** The newest registry not yet committed, and what its source said about it. */
  private pending:
    | { registry: Registry; source: SourceVersion; waiters: ((o: AnnounceOutcome | undefined) => void)[] }
    | undefined;
  private running: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = FIRST_RETRY_MS;
  private failing = false;
  private syncTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly opts: NoticeOptions,
    readonly sender: OutboxSender,
    initial: Registry,
  ) {
    super();
    this.committed = initial;
    this.committedHash = registryFingerprint(initial).hash;
    this.registry = { current: () => this.committed };
    this.announcer = new Announcer({
      store: opts.store,
      log: opts.log,
      worker: sender.worker,
      ...(opts.now ? { now: opts.now } : {}),
    });
  }

  onRegistry(registry: Registry, source: SourceVersion = {}): Promise<AnnounceOutcome | undefined> {
    return new Promise((resolve) => {
      const waiters = this.pending?.waiters ?? [];
      // A newer version replaces one still waiting for its turn: only the newest is worth committing.
      this.pending = { registry, source, waiters: [...waiters, resolve] };
      this.run();
    });
  }

  private run(): void {
    if (this.running || this.stopped || this.retryTimer) return;
    this.running = this.commitPending().finally(() => {
      this.running = undefined;
      if (this.pending && !this.retryTimer) this.run();
    });
  }

  private async commitPending(): Promise<void> {
    const job = this.pending;
    if (!job) return;
    let outcome: AnnounceOutcome;
    try {
      outcome = await this.announcer.offer(job.registry, job.source);
    } catch (err) {
      if (!this.failing) {
        this.failing = true;
        this.opts.log.error(
          { err },
          'could not commit the new registry (is the disk full or the database down?); still answering from the last committed one and retrying',
        );
      }
      this.emit('commitFailed', err);
      this.schedule(this.retryMs);
      this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
      return;
    }
    if (outcome.kind === 'busy') {
      this.emit('announcerBusy');
      this.schedule(BUSY_RETRY_MS);
      return;
    }
    if (this.failing) this.opts.log.info('the registry commit succeeded after failing; announcing now');
    this.failing = false;
    this.retryMs = FIRST_RETRY_MS;
    if (this.pending === job) this.pending = undefined;
    if (outcome.kind === 'behind') await this.sync();
    else this.adopt(job.registry, false);
    if (outcome.kind !== 'unchanged' && outcome.kind !== 'behind') this.emit('committed', outcome);
    this.sender.kick();
    for (const resolve of job.waiters) resolve(outcome);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.run();
    }, ms);
    this.retryTimer.unref();
  }

  private adopt(registry: Registry, fromStore: boolean): void {
    const hash = registryFingerprint(registry).hash;
    if (hash === this.committedHash) return;
    this.committed = registry;
    this.committedHash = hash;
    if (fromStore) this.emit('adopted', registry);
  }

  /** Adopts what another replica committed, so every replica answers from the same registry. */
  async sync(): Promise<void> {
    try {
      const hash = await this.opts.store.announcements.currentHash();
      if (!hash || hash === this.committedHash) return;
      const snapshot = await this.opts.store.announcements.current();
      if (snapshot?.registry) this.adopt(snapshot.registry, true);
    } catch (err) {
      this.opts.log.warn({ err }, 'could not read the announced registry; still answering from the last one');
    }
  }

  /** Queues the catch-up of every mute that has ended and every digest that is due, and sends them. */
  async releaseHeldNotices(): Promise<void> {
    try {
      const now = (this.opts.now ?? Date.now)();
      const queued =
        (await releaseEndedMutes(this.opts.store, this.opts.log, now)) +
        (await releaseDueDigests(this.opts.store, this.opts.log, now));
      if (queued > 0) this.sender.kick();
    } catch (err) {
      this.opts.log.warn({ err }, 'could not look for ended mutes and due digests; trying again shortly');
    }
  }

  startSync(): void {
    const tick = (): void => {
      this.syncTimer = setTimeout(() => {
        void Promise.all([this.sync(), this.releaseHeldNotices()]).finally(() => {
          if (!this.stopped) tick();
        });
      }, this.opts.syncMs ?? 2_000);
      this.syncTimer.unref();
    };
    tick();
  }

  whenIdle(): Promise<void> {
    return this.sender.whenIdle();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.syncTimer);
    await this.running;
    for (const resolve of this.pending?.waiters ?? []) resolve(undefined);
    this.pending = undefined;
    await this.sender.stop();
  }
}

/**
 * Starts the notice pipeline: answers from the announced registry (the snapshot, else `initial`), commits
 * `initial` (a baseline on first start; a change made while the bot was down is announced now, once) and
 * starts draining the outbox. Rows other replicas hold are left alone: only expired leases are taken over.
 */
export async function startNotices(
  opts: NoticeOptions,
  initial: Registry,
  source: SourceVersion = {},
): Promise<NoticeService> {
  const snapshot = await opts.store.announcements.current();
  let service: Notices | undefined;
  const sender = new OutboxSender({
    store: opts.store,
    slack: opts.slack,
    log: opts.log.child({ component: 'notice-sender' }),
    ...(opts.worker ? { worker: opts.worker } : {}),
    ...(opts.tuning ? { tuning: opts.tuning } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.random ? { random: opts.random } : {}),
    onEvent: (event) => {
      if (!service) return;
      if (event.type === 'sent') service.emit('sent', event);
      else if (event.type === 'reconciled') service.emit('reconciled', event);
      else if (event.type === 'retry') service.emit('retry', event);
      else if (event.type === 'failed') service.emit('failed', event);
      else service.emit('parked', event);
    },
  });
  const notices = new Notices(opts, sender, snapshot?.registry ?? initial);
  service = notices;
  // Start once the first commit is done, has failed once, or waits for another replica's announcer lease
  // (which a replica that died holding it keeps for its whole term): then it is retried in the background,
  // and the bot answers from the announced registry meanwhile.
  await new Promise<void>((resolve) => {
    notices.once('commitFailed', () => resolve());
    notices.once('announcerBusy', () => resolve());
    void notices.onRegistry(initial, source).then(() => resolve());
  });
  notices.removeAllListeners('commitFailed');
  notices.removeAllListeners('announcerBusy');
  notices.startSync();
  sender.kick();
  return notices;
}
