import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  classifySendError,
  DEFAULT_BACKOFF,
  decideAfterFailure,
} from '../../../src/notices/retry-policy.js';

const platform = (error: string) => new webApi.WebAPIPlatformError({ ok: false, error });

describe('classifySendError', () => {
  it.each<[string, unknown, string]>([
    ['429 with Retry-After', new webApi.WebAPIRateLimitedError(3), 'rate_limited'],
    ['channel_not_found', platform('channel_not_found'), 'channel_gone'],
    ['not_in_channel', platform('not_in_channel'), 'channel_gone'],
    ['is_archived', platform('is_archived'), 'channel_gone'],
    ['account_inactive', platform('account_inactive'), 'channel_gone'],
    ['invalid_auth (the token, not the channel)', platform('invalid_auth'), 'auth'],
    ['token_revoked', platform('token_revoked'), 'auth'],
    ['invalid_blocks', platform('invalid_blocks'), 'rejected'],
    ['msg_blocks_too_long', platform('msg_blocks_too_long'), 'rejected'],
    ['internal_error', platform('internal_error'), 'transient'],
    ['an error Slack adds tomorrow', platform('brand_new_error'), 'transient'],
    ['HTTP 503', new webApi.WebAPIHTTPError(503, 'Service Unavailable', {}, ''), 'transient'],
    ['network', new webApi.WebAPIRequestError(new Error('ECONNRESET')), 'transient'],
    ['anything else', new Error('boom'), 'transient'],
  ])('%s → %s', (_name, err, kind) => {
    expect(classifySendError(err).kind).toBe(kind);
  });

  it('turns Retry-After seconds into ms', () => {
    expect(classifySendError(new webApi.WebAPIRateLimitedError(3))).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 3000,
    });
  });
});

describe('backoffDelay', () => {
  it('doubles from the base, with jitter in [½d, d], capped', () => {
    const policy = { ...DEFAULT_BACKOFF, baseMs: 1000, factor: 2, maxMs: 5000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1000);
    expect(backoffDelay(3, policy, () => 1)).toBe(4000);
    expect(backoffDelay(10, policy, () => 1)).toBe(5000);
    expect(backoffDelay(10, policy, () => 0)).toBe(2500);
  });
});

describe('decideAfterFailure', () => {
  const now = 10_000;
  const random = () => 1;

  it('429: retry at Retry-After and pause every send until then', () => {
    expect(
      decideAfterFailure({ kind: 'rate_limited', retryAfterMs: 2000 }, 0, now, DEFAULT_BACKOFF, random),
    ).toEqual({
      action: 'retry',
      notBefore: 12_000,
      pauseAllUntil: 12_000,
    });
  });

  it('transient: backoff until the budget is spent, then fail', () => {
    const policy = { ...DEFAULT_BACKOFF, maxAttempts: 3 };
    const decisions = [1, 2, 3].map((attempt) =>
      decideAfterFailure({ kind: 'transient', error: 'x' }, attempt, now, policy, random),
    );
    expect(decisions).toEqual([
      { action: 'retry', notBefore: now + 1000 },
      { action: 'retry', notBefore: now + 2000 },
      { action: 'fail', deactivateChannel: false },
    ]);
  });

  it('a channel that is gone: fail and deactivate; a rejected message: fail only', () => {
    expect(
      decideAfterFailure({ kind: 'channel_gone', error: 'is_archived' }, 0, now, DEFAULT_BACKOFF, random),
    ).toEqual({
      action: 'fail',
      deactivateChannel: true,
    });
    expect(
      decideAfterFailure({ kind: 'rejected', error: 'invalid_blocks' }, 0, now, DEFAULT_BACKOFF, random),
    ).toEqual({
      action: 'fail',
      deactivateChannel: false,
    });
  });

  it('auth: never gives up on the row, pauses everything', () => {
    expect(
      decideAfterFailure({ kind: 'auth', error: 'invalid_auth' }, 0, now, DEFAULT_BACKOFF, random, 30_000),
    ).toEqual({
      action: 'retry',
      notBefore: 40_000,
      pauseAllUntil: 40_000,
    });
  });
});
