import type { FetchFunction } from '@slack/web-api';
import type { BotMetrics } from './metrics.js';

/** A Web API method name, as the last path segment of its URL (chat.postMessage); anything else is `other`. */
const METHOD = /^[a-z]+(?:\.[a-zA-Z]+)+$/;

export function apiMethodOf(url: string): string {
  let last = '';
  try {
    last = new URL(url).pathname.split('/').at(-1) ?? '';
  } catch {
    return 'other';
  }
  return METHOD.test(last) ? last : 'other';
}

/**
 * A fetch for web-api's WebClient (its `fetch` option) that counts HTTP 429 answers by API method, whether
 * the client then retries (the app's) or rejects at once (the notice poster's). The label is the method
 * alone: never a token, a channel or a workspace.
 */
export function rateLimitCountingFetch(
  metrics: BotMetrics,
  // Node's fetch is what web-api uses by default; @types/node's Headers type lacks `entries`, which it has.
  base: FetchFunction = (url, init) => fetch(url, init) as unknown as ReturnType<FetchFunction>,
): FetchFunction {
  return async (url, init) => {
    const res = await base(url, init);
    if (res.status === 429) metrics.rateLimited(apiMethodOf(String(url)));
    return res;
  };
}
