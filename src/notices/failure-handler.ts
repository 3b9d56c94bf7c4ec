import type { Logger } from 'pino';
import type { OutboxRow, Store } from '../store/store.js';
import type { SendPacer } from './pacer.js';
import { classifySendError, decideAfterFailure, describeFailure } from './retry-policy.js';
import type { SenderEvent, SenderTuning } from './sender-types.js';

/** What handling a failed post needs from the sender. */
export interface FailureContext {
  store: Store;
  log: Logger;
  pacer: SendPacer;
  tuning: SenderTuning;
  /** Transient failures per row so far (this process). */
  transient: Map<number, number>;
  /** Rows put back with a future notBefore, so the sender knows when to look again. */
  retryAt: Map<number, number>;
  now: () => number;
  random: () => number;
  emit(event: SenderEvent): void;
}

/**
 * Records a failed post: re-queued with its notBefore (429: Retry-After, pausing every send; transient:
 * backoff; auth: a long pause, logged loudly), or marked failed for good (a channel that is gone also
 * has its subscriptions deactivated). Every outcome is one store write on a 'sending' row.
 */
export function handleSendFailure(ctx: FailureContext, row: OutboxRow, err: unknown): void {
  const { store, log, pacer } = ctx;
  const failure = classifySendError(err);
  const attempt = failure.kind === 'transient' ? (ctx.transient.get(row.id) ?? 0) + 1 : 0;
  if (failure.kind === 'transient') ctx.transient.set(row.id, attempt);
  if (failure.kind === 'rate_limited') pacer.rateLimited(row.channelId, failure.retryAfterMs);
  const { backoff, authPauseMs } = ctx.tuning;
  const decision = decideAfterFailure(failure, attempt, ctx.now(), backoff, ctx.random, authPauseMs);
  const error = describeFailure(failure);
  const context = { outboxId: row.id, channel: row.channelId, changeSet: row.changeSetId, error };
  if (decision.action === 'retry') {
    if (failure.kind === 'auth') {
      pacer.pauseAll(decision.notBefore);
      log.error(
        context,
        'Slack refused the bot token; every notice is paused. Check SLACK_BOT_TOKEN and the install',
      );
    } else if (failure.kind === 'transient') {
      log.warn({ ...context, attempt }, 'notice post failed; retrying with backoff');
    }
    store.markRetry(row.id, error, decision.notBefore);
    ctx.retryAt.set(row.id, decision.notBefore);
    ctx.emit({ type: 'retry', row, failure, notBefore: decision.notBefore });
    return;
  }
  store.markFailed(row.id, error);
  ctx.transient.delete(row.id);
  if (decision.deactivateChannel) {
    const deactivated = store.deactivateChannel(row.channelId, error);
    log.warn(
      { ...context, deactivated },
      'cannot post notices in this channel any more; its subscriptions are paused',
    );
  } else {
    log.error(
      { ...context, attempts: attempt || undefined },
      'notice could not be delivered; giving up on it',
    );
  }
  ctx.emit({ type: 'failed', row, error, deactivated: decision.deactivateChannel });
}
