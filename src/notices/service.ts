import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { Registry } from '../registry/schema.js';
import type { Store } from '../store/store.js';
import { type RecordOutcome, recordRegistryVersion } from './outbox-writer.js';
import { OutboxSender } from './sender.js';
import type { PostNotice, SenderEvent, SenderTuning } from './sender-types.js';

export interface NoticeEvents {
  committed: [RecordOutcome];
  sent: [Extract<SenderEvent, { type: 'sent' }>];
  retry: [Extract<SenderEvent, { type: 'retry' }>];
  failed: [Extract<SenderEvent, { type: 'failed' }>];
  parked: [Extract<SenderEvent, { type: 'parked' }>];
}

/** The running notice pipeline: registry versions in, one notice per channel per change out. */
export interface NoticeService extends EventEmitter<NoticeEvents> {
  /** A new good registry arrived: commit its change-set (if any) and start sending. */
  onRegistry(registry: Registry): RecordOutcome;
  /** Resolves once the outbox is drained (nothing pending or in flight). */
  whenIdle(): Promise<void>;
  /** Finishes or parks in-flight sends; call before closing the store. */
  stop(): Promise<void>;
}

export interface NoticeOptions {
  store: Store;
  log: Logger;
  post: PostNotice;
  tuning?: Partial<SenderTuning>;
  now?: () => number;
  random?: () => number;
}

class Notices extends EventEmitter<NoticeEvents> implements NoticeService {
  constructor(
    private readonly opts: NoticeOptions,
    private readonly sender: OutboxSender,
  ) {
    super();
  }

  onRegistry(registry: Registry): RecordOutcome {
    const outcome = recordRegistryVersion(this.opts.store, registry, this.opts.log, this.opts.now);
    if (outcome.kind !== 'unchanged') this.emit('committed', outcome);
    this.sender.kick();
    return outcome;
  }

  whenIdle(): Promise<void> {
    return this.sender.whenIdle();
  }

  stop(): Promise<void> {
    return this.sender.stop();
  }
}

/**
 * Starts the notice pipeline: puts back rows a crash left 'sending', records the
 * registry the bot starts with (a baseline on first start; a change made while the bot was down is
 * announced now, once) and starts draining the outbox.
 */
export function startNotices(opts: NoticeOptions, initial: Registry): NoticeService {
  const { store, log } = opts;
  const requeued = store.requeueInFlight();
  if (requeued > 0) log.warn({ requeued }, 'notices interrupted by the last shutdown are queued again');
  let service: Notices | undefined;
  const sender = new OutboxSender({
    store,
    post: opts.post,
    log: log.child({ component: 'notice-sender' }),
    ...(opts.tuning ? { tuning: opts.tuning } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.random ? { random: opts.random } : {}),
    onEvent: (event) => {
      if (!service) return;
      if (event.type === 'sent') service.emit('sent', event);
      else if (event.type === 'retry') service.emit('retry', event);
      else if (event.type === 'failed') service.emit('failed', event);
      else service.emit('parked', event);
    },
  });
  service = new Notices(opts, sender);
  service.onRegistry(initial);
  return service;
}
