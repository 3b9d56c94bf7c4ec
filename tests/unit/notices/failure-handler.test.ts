import { describe, expect, it } from 'vitest';
import { decideFailure } from '../../../src/notices/failure-handler.js';
import { DEFAULT_BACKOFF } from '../../../src/notices/retry-policy.js';
import type { OutboxRow } from '../../../src/store/store.js';

const now = 10_000;
const random = () => 1;
const tuning = { backoff: { ...DEFAULT_BACKOFF, maxAttempts: 3 }, authPauseMs: 30_000 };
const row = (transientFailures = 0): OutboxRow => ({
  id: 1,
  changeSetId: 'cs',
  workspace: { teamId: 'T1' },
  channelId: 'C1',
  deliveryId: 'cs/T1/C1',
  status: 'sending',
  attempts: transientFailures + 1,
  transientFailures,
  notBefore: 0,
  uncertain: false,
  createdAt: 0,
  updatedAt: 0,
});

describe('decideFailure', () => {
  it('429: retry at Retry-After and pause the whole workspace until then, for every replica', () => {
    expect(decideFailure(row(), { kind: 'rate_limited', retryAfterMs: 2000 }, now, tuning, random)).toEqual({
      settlement: {
        kind: 'retry',
        error: 'ratelimited (retry after 2000 ms)',
        notBefore: 12_000,
        transient: false,
        uncertain: false,
      },
      pacing: { workspaceNotBefore: 12_000, channelNotBefore: 12_000 },
      deactivateChannel: false,
      authPaused: false,
    });
  });

  it('transient: backoff from the row’s own budget until it is spent, then fail', () => {
    const decisions = [0, 1, 2].map(
      (spent) =>
        decideFailure(row(spent), { kind: 'transient', error: 'x', uncertain: true }, now, tuning, random)
          .settlement,
    );
    expect(decisions).toEqual([
      { kind: 'retry', error: 'x', notBefore: now + 1000, transient: true, uncertain: true },
      { kind: 'retry', error: 'x', notBefore: now + 2000, transient: true, uncertain: true },
      { kind: 'failed', error: 'x (Slack may have posted it; its answer never came)' },
    ]);
  });

  it('a channel that is gone: fail and deactivate; a rejected message: fail only', () => {
    expect(
      decideFailure(row(), { kind: 'channel_gone', error: 'is_archived' }, now, tuning, random),
    ).toMatchObject({
      settlement: { kind: 'failed', error: 'is_archived' },
      deactivateChannel: true,
    });
    expect(
      decideFailure(row(), { kind: 'rejected', error: 'invalid_blocks' }, now, tuning, random),
    ).toMatchObject({
      settlement: { kind: 'failed', error: 'invalid_blocks' },
      deactivateChannel: false,
    });
  });

  it('auth: never gives up on the row, pauses the workspace', () => {
    expect(decideFailure(row(), { kind: 'auth', error: 'invalid_auth' }, now, tuning, random)).toMatchObject({
      settlement: { kind: 'retry', notBefore: 40_000, transient: false },
      pacing: { workspaceNotBefore: 40_000 },
      authPaused: true,
    });
  });
});
