import { type Logger as BoltLogger, webApi } from '@slack/bolt';
import type { WorkspaceRef } from '../store/store.js';
import type { HistoryMessage, NoticeSlack, PostRequest } from './sender-types.js';

export interface SlackPosterOptions {
  /** The bot token for a workspace; rejects when the workspace is not (or no longer) installed. */
  tokenFor: (ws: WorkspaceRef) => Promise<string>;
  slackApiUrl?: string;
  logger: BoltLogger;
  /** Per-call timeout; a post that hangs longer counts as an uncertain failure. */
  timeoutMs?: number;
  maxRequestConcurrency?: number;
  /** The HTTP fetch the client uses (the bot's counts 429s for its metrics). */
  fetch?: webApi.FetchFunction;
}

/** How many pages of history one reconciliation reads at most (200 messages a page). */
const MAX_HISTORY_PAGES = 5;

/**
 * The WebClient notices are sent with, separate from the app's client on purpose: `retries: 0` and
 * `rejectRateLimitedCalls: true` make every failure, 429 included, surface at once as an error (a 429 as
 * WebAPIRateLimitedError with retryAfter). web-api's own handling would instead pause this client's whole
 * queue and retry behind our back, so the outbox could neither re-queue the row nor keep other channels
 * moving. web-api sets no timeout by default; a hung call must end so graceful shutdown can finish. The token
 * is passed per call, so one client serves every workspace.
 */
export function createSlackPoster(opts: SlackPosterOptions): NoticeSlack {
  const client = new webApi.WebClient(undefined, {
    ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: opts.timeoutMs ?? 10_000,
    maxRequestConcurrency: opts.maxRequestConcurrency ?? 100,
    logger: opts.logger,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  return {
    async post(ws, request: PostRequest) {
      const result = await client.chat.postMessage({
        token: await opts.tokenFor(ws),
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
    },
    async history(ws, channel, oldestMs) {
      const token = await opts.tokenFor(ws);
      const found: HistoryMessage[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
        const result = await client.conversations.history({
          token,
          channel,
          oldest: (oldestMs / 1000).toFixed(6),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        for (const m of result.messages ?? []) {
          if (typeof m.ts !== 'string') continue;
          found.push({ ts: m.ts, ...(m.metadata ? { metadata: m.metadata } : {}) });
        }
        cursor = result.response_metadata?.next_cursor || undefined;
        if (!result.has_more || !cursor) break;
      }
      return found;
    },
  };
}
