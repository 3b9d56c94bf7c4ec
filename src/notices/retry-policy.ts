import { webApi } from '@slack/bolt';
import { NOT_INSTALLED } from '../shared/not-installed.js';

/** Why a post failed, as far as delivery is concerned. */
export type SendFailure =
  /** HTTP 429: wait Retry-After, then try again (not counted against the retry budget). */
  | { kind: 'rate_limited'; retryAfterMs: number }
  /** The channel cannot take posts any more: stop, and deactivate its subscriptions. */
  | { kind: 'channel_gone'; error: string }
  /** Slack refused this message for good (bad blocks, too long): stop, keep the subscription. */
  | { kind: 'rejected'; error: string }
  /** The token itself is refused: nothing can be sent until someone fixes it; pause everything. */
  | { kind: 'auth'; error: string }
  /**
   * 5xx, network, timeout, Slack hiccup: try again with backoff, a bounded number of times. `uncertain` when
   * the request may have reached Slack (a reset, a timeout, a 5xx): Slack may have posted it.
   */
  | { kind: 'transient'; error: string; uncertain: boolean };

/** Errors that mean the bot can never post in that channel as things stand. */
const CHANNEL_GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived']);
/**
 * Errors about the installation rather than the channel: retrying one row cannot help. A bot token answers
 * account_inactive once the app is uninstalled: the workspace is paused, not the channel.
 */
const AUTH = new Set([
  'account_inactive',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'team_disabled',
  'missing_scope',
]);
/** Errors about the message: re-sending the same payload would fail the same way. */
const REJECTED = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'msg_blocks_too_long',
  'no_text',
  'too_many_attachments',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'metadata_too_large',
  'invalid_arguments',
  'restricted_action',
  'cannot_reply_to_message',
]);

function codeOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Sorts a chat.postMessage failure. The sending WebClient runs with `retries: 0` and
 * `rejectRateLimitedCalls: true`, so every failure (including 429) reaches us at once and the sender, which
 * knows about channels and the outbox, owns every retry. Pure.
 */
export function classifySendError(err: unknown): SendFailure {
  const code = codeOf(err);
  if (code === NOT_INSTALLED) return { kind: 'auth', error: 'not_installed' };
  if (code === webApi.ErrorCode.RateLimitedError && typeof err === 'object' && err !== null) {
    const seconds = 'retryAfter' in err && typeof err.retryAfter === 'number' ? err.retryAfter : 1;
    return { kind: 'rate_limited', retryAfterMs: Math.max(1, seconds) * 1000 };
  }
  if (code === webApi.ErrorCode.PlatformError && typeof err === 'object' && err !== null && 'data' in err) {
    const data = err.data as { error?: unknown };
    const error = typeof data.error === 'string' ? data.error : 'unknown_error';
    if (CHANNEL_GONE.has(error)) return { kind: 'channel_gone', error };
    if (AUTH.has(error)) return { kind: 'auth', error };
    if (REJECTED.has(error)) return { kind: 'rejected', error };
    // ratelimited in a 200 body, internal_error, fatal_error, service_unavailable, request_timeout, and
    // anything new: retry, but only a bounded number of times. Slack answered, so it did not post.
    return { kind: 'transient', error, uncertain: false };
  }
  if (
    code === webApi.ErrorCode.RequestError &&
    typeof err === 'object' &&
    err !== null &&
    'original' in err
  ) {
    // The request never left (the connection was refused, the host not found): certainly not posted.
    const original = codeOf(err.original);
    return { kind: 'transient', error: messageOf(err), uncertain: !NEVER_SENT.has(original ?? '') };
  }
  // A 5xx, a timeout, a reset after the request went out, anything unknown: Slack may have posted it.
  return { kind: 'transient', error: messageOf(err), uncertain: true };
}

/** Network errors raised before a request reached Slack. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export interface BackoffPolicy {
  /** Delay before the first retry. */
  baseMs: number;
  factor: number;
  maxMs: number;
  /** Transient failures a row may have before it is marked failed. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, factor: 2, maxMs: 60_000, maxAttempts: 6 };

/**
 * Exponential backoff with jitter for the `attempt`-th transient failure (1-based): the delay is drawn
 * from [½·d, d] where d = base·factor^(attempt-1) capped at max, so retries from many channels spread out
 * instead of arriving together. Pure: `random` is injected.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exp = policy.baseMs * policy.factor ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxMs, exp);
  return Math.round(capped / 2 + (capped / 2) * random());
}

/** A short, loggable description of a failure. */
export function describeFailure(failure: SendFailure): string {
  return failure.kind === 'rate_limited'
    ? `ratelimited (retry after ${failure.retryAfterMs} ms)`
    : failure.error;
}
