import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { backoffDelay, classifySendError, DEFAULT_BACKOFF } from '../../../src/notices/retry-policy.js';
import { NotInstalledError } from '../../../src/shared/not-installed.js';

const platform = (error: string) => new webApi.WebAPIPlatformError({ ok: false, error });

describe('classifySendError', () => {
  it.each<[string, unknown, string]>([
    ['429 with Retry-After', new webApi.WebAPIRateLimitedError(3), 'rate_limited'],
    ['channel_not_found', platform('channel_not_found'), 'channel_gone'],
    ['not_in_channel', platform('not_in_channel'), 'channel_gone'],
    ['is_archived', platform('is_archived'), 'channel_gone'],
    ['account_inactive', platform('account_inactive'), 'auth'],
    ['no installation', new NotInstalledError('T0GONE'), 'auth'],
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

  it.each<[string, unknown, boolean]>([
    [
      'a reset after the request went out',
      new webApi.WebAPIRequestError(Object.assign(new Error('x'), { code: 'ECONNRESET' })),
      true,
    ],
    [
      'a timeout',
      new webApi.WebAPIRequestError(Object.assign(new Error('x'), { code: 'ECONNABORTED' })),
      true,
    ],
    ['HTTP 503', new webApi.WebAPIHTTPError(503, 'Service Unavailable', {}, ''), true],
    [
      'a refused connection',
      new webApi.WebAPIRequestError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })),
      false,
    ],
    ['Slack said internal_error', platform('internal_error'), false],
  ])('%s: Slack may have posted it → %s', (_name, err, uncertain) => {
    expect(classifySendError(err)).toMatchObject({ kind: 'transient', uncertain });
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
