import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import { RECOVERED_WORK } from '../listeners/middleware/hold-work.js';
import type { Store } from '../store/store.js';

export interface WorkRecoveryOptions {
  app: App;
  store: Store;
  log: Logger;
  worker: string;
  leaseMs: number;
  /** How often to look for work a dead replica left (default 10 s). */
  everyMs?: number;
}

/** A replay that keeps failing is given up after this many takes (the first process counts as one). */
const MAX_ATTEMPTS = 3;
/** At most this many replays per look, so a backlog does not hold one look for long. */
const BATCH = 20;

/**
 * Finishes work another replica acknowledged and never finished (it was killed, or stopped before it
 * could): the request is replayed through the app exactly as Slack sent it, with a no-op ack (Slack has its
 * ack already). A command then answers through its response_url, a mention in its thread.
 */
export function startWorkRecovery(opts: WorkRecoveryOptions): { stop(): void; runOnce(): Promise<number> } {
  const { app, store, log } = opts;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  /** Replays one piece of work; false when there is none left to take. */
  const replayNext = async (): Promise<boolean> => {
    // One at a time, so each replay starts with a fresh lease: a batch taken together would expire while
    // the first ones replay, and another look (here or on another replica) would replay the rest twice.
    const [work] = await store.work.takeExpired({ worker: opts.worker, leaseMs: opts.leaseMs, limit: 1 });
    if (work === undefined) return false;
    if (work.attempts > MAX_ATTEMPTS) {
      log.error(
        { kind: work.kind, id: work.id, attempts: work.attempts },
        'gave up replaying acknowledged work',
      );
      await store.work.finish(work.id);
      return true;
    }
    log.warn({ kind: work.kind, id: work.id }, 'finishing work a stopped replica left unfinished');
    try {
      await app.processEvent({
        body: work.body,
        ack: async () => undefined,
        customProperties: { [RECOVERED_WORK]: work.id },
      });
      await store.work.finish(work.id);
    } catch (err) {
      // Left held: it is taken again once this lease passes, up to MAX_ATTEMPTS times.
      log.warn({ err, id: work.id }, 'replaying unfinished work failed; it is tried again later');
    }
    return true;
  };
  const runOnce = async (): Promise<number> => {
    let replayed = 0;
    while (!stopped && replayed < BATCH && (await replayNext())) replayed++;
    return replayed;
  };
  const tick = (): void => {
    timer = setTimeout(() => {
      void runOnce()
        .catch((err: unknown) =>
          log.warn({ err }, 'could not look for unfinished work; looking again shortly'),
        )
        .finally(() => {
          if (!stopped) tick();
        });
    }, opts.everyMs ?? 10_000);
    timer.unref();
  };
  // The first look runs at start; the timer's looks follow it, never beside it.
  void runOnce()
    .catch((err: unknown) => log.warn({ err }, 'could not look for unfinished work at start'))
    .finally(() => {
      if (!stopped) tick();
    });
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    runOnce,
  };
}
