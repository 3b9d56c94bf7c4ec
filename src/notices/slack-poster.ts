import { type Logger as BoltLogger, webApi } from '@slack/bolt';
import type { PostNotice } from './sender-types.js';

export interface SlackPosterOptions {
  token: string;
  slackApiUrl?: string;
  logger: BoltLogger;
  /** Per-call timeout; a post that hangs longer counts as a transient failure. */
  timeoutMs?: number;
  maxRequestConcurrency?: number;
}

/**
 * The WebClient notices are sent with, separate from the app's client on purpose: `retries: 0` and
 * `rejectRateLimitedCalls: true` make every failure, 429 included, surface at once as an error (a 429 as
 * WebAPIRateLimitedError with retryAfter). web-api's own handling would instead pause this client's whole
 * queue and retry behind our back, so the outbox could neither re-queue the row nor keep other channels
 * moving. web-api sets no timeout by default; a hung call must end so graceful shutdown can finish.
 */
export function createSlackPoster(opts: SlackPosterOptions): PostNotice {
  const client = new webApi.WebClient(opts.token, {
    ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: opts.timeoutMs ?? 10_000,
    maxRequestConcurrency: opts.maxRequestConcurrency ?? 100,
    logger: opts.logger,
  });
  return async (request) => {
    const result = await client.chat.postMessage({
      channel: request.channel,
      text: request.text,
      blocks: request.blocks,
      metadata: request.metadata,
      // A notice names docs pages; an unfurl per link would bury the digest.
      unfurl_links: false,
      unfurl_media: false,
    });
    if (typeof result.ts !== 'string') throw new Error('chat.postMessage answered ok without a ts');
    return { ts: result.ts };
  };
}
