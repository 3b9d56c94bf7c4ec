import { signSlackRequest } from './signing.js';
import type { HttpResult, SendOpts } from './types.js';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
export const JSON_CONTENT_TYPE = 'application/json';

export interface AppTarget {
  appUrl: string | undefined;
  signingSecret: string;
}

/**
 * POST to the app exactly as Slack does in HTTP mode: signed over the raw body bytes with
 * X-Slack-Request-Timestamp / X-Slack-Signature. SendOpts lets hostile tests break any part of that.
 * Bolt only checks that the timestamp is not older than 5 minutes, so tests pass `timestamp` to go stale.
 */
export async function postToApp(
  target: AppTarget,
  body: string | Buffer,
  headers: Record<string, string>,
  opts: SendOpts = {},
): Promise<HttpResult> {
  if (!target.appUrl) throw new Error('Slack stand-in: no app URL; pass appUrl or call setAppUrl() first');
  const rawBody = typeof body === 'string' ? body : body.toString('utf8');
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    opts.signature === undefined
      ? signSlackRequest(opts.secret ?? target.signingSecret, timestamp, rawBody)
      : opts.signature;
  const omit = new Set(opts.omitHeaders ?? []);
  const sent: Record<string, string> = { ...headers };
  if (!omit.has('timestamp')) sent['x-slack-request-timestamp'] = String(timestamp);
  if (!omit.has('signature') && signature !== null) sent['x-slack-signature'] = signature;

  const url = new URL(opts.path ?? '/slack/events', target.appUrl);
  const response = await fetch(url, {
    method: 'POST',
    headers: sent,
    body: typeof body === 'string' ? body : new Uint8Array(body),
    redirect: 'manual',
    signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
  });
  return {
    status: response.status,
    headers: headerRecord(response.headers),
    body: await response.text(),
  };
}

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

export interface EventSendOptions extends SendOpts {
  eventId?: string;
  /** The workspace the event happens in (default: the default team). */
  team?: string;
  retryNum?: number;
  retryReason?: string;
}

/** Events go as JSON; Slack marks redeliveries with retry headers that Bolt surfaces as context.retryNum. */
export function postEvent(
  target: AppTarget,
  body: Record<string, unknown>,
  opts: EventSendOptions,
): Promise<HttpResult> {
  const headers: Record<string, string> = { 'content-type': JSON_CONTENT_TYPE };
  if (opts.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(opts.retryNum);
    headers['x-slack-retry-reason'] = opts.retryReason ?? 'http_timeout';
  }
  return postToApp(target, JSON.stringify(body), headers, opts);
}

/**
 * Commands and interactivity go form-encoded with the content-type exactly as below: Bolt compares the
 * string and JSON-parses anything else (a '; charset=utf-8' suffix gets a 400).
 */
export function postForm(
  target: AppTarget,
  fields: Record<string, string>,
  opts?: SendOpts,
): Promise<HttpResult> {
  return postToApp(
    target,
    new URLSearchParams(fields).toString(),
    { 'content-type': FORM_CONTENT_TYPE },
    opts,
  );
}
