import type { OutboxRow, Pacing, Settlement } from '../store/store.js';
import { backoffDelay, describeFailure, type SendFailure } from './retry-policy.js';
import type { SenderTuning } from './sender-types.js';

/** How a failed post ends, as data: what to store, which pauses to share, whether the channel is gone. */
export interface FailureOutcome {
  settlement: Exclude<Settlement, { kind: 'sent' }>;
  pacing: Pacing;
  /** The channel cannot take posts: pause its subscriptions. */
  deactivateChannel: boolean;
  /** The token was refused: every send to the workspace waits (logged loudly). */
  authPaused: boolean;
}

/**
 * What to do with a row after a failed post. The row's retry budget is the one stored with it
 * (transientFailures), so a restart or another replica never grants a fresh one. A 429 pauses the whole
 * workspace for Retry-After (we cannot tell a channel 429 from a workspace one); an uncertain failure (the
 * post may be in Slack) is retried only after the channel's history has been checked. Pure.
 */
export function decideFailure(
  row: OutboxRow,
  failure: SendFailure,
  now: number,
  tuning: Pick<SenderTuning, 'backoff' | 'authPauseMs'>,
  random: () => number,
): FailureOutcome {
  const error = describeFailure(failure);
  const none = { pacing: {}, deactivateChannel: false, authPaused: false };
  switch (failure.kind) {
    case 'rate_limited': {
      const until = now + failure.retryAfterMs;
      return {
        ...none,
        settlement: { kind: 'retry', error, notBefore: until, transient: false, uncertain: false },
        pacing: { workspaceNotBefore: until, channelNotBefore: until },
      };
    }
    case 'channel_gone':
      return { ...none, settlement: { kind: 'failed', error }, deactivateChannel: true };
    case 'rejected':
      return { ...none, settlement: { kind: 'failed', error } };
    case 'auth': {
      const until = now + tuning.authPauseMs;
      return {
        ...none,
        settlement: { kind: 'retry', error, notBefore: until, transient: false, uncertain: false },
        pacing: { workspaceNotBefore: until },
        authPaused: true,
      };
    }
    case 'transient': {
      const attempt = row.transientFailures + 1;
      if (attempt >= tuning.backoff.maxAttempts) {
        const why = failure.uncertain ? `${error} (Slack may have posted it; its answer never came)` : error;
        return { ...none, settlement: { kind: 'failed', error: why } };
      }
      return {
        ...none,
        settlement: {
          kind: 'retry',
          error,
          notBefore: now + backoffDelay(attempt, tuning.backoff, random),
          transient: true,
          uncertain: failure.uncertain,
        },
      };
    }
  }
}
