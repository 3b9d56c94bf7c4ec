/** What a conditional GET learned: new text, nothing new, or a failure to try again later. */
export type FetchOutcome =
  | { kind: 'content'; text: string; modifiedAt?: number }
  | { kind: 'not-modified' }
  | { kind: 'error'; message: string };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface UrlPollOptions {
  intervalMs: number;
  timeoutMs?: number;
  fetch?: FetchLike;
  onOutcome(outcome: FetchOutcome): void;
}

export interface UrlPoll {
  /** One conditional GET now; the validators of the last 200 are sent along. */
  fetchOnce(): Promise<FetchOutcome>;
  /** Polls every intervalMs until close(); polls never overlap. */
  start(): void;
  close(): void;
}

/**
 * Polls REGISTRY_URL with ETag / If-Modified-Since, so an unchanged file costs the server a 304 and us
 * nothing. A failed fetch (network, timeout, non-2xx) is reported and simply tried again at the next poll;
 * the validators are only replaced by a successful 200, so a flaky server never makes us refetch in full.
 */
export function pollRegistryUrl(url: string, opts: UrlPollOptions): UrlPoll {
  const doFetch: FetchLike = opts.fetch ?? ((u, init) => fetch(u, init));
  let etag: string | undefined;
  let lastModified: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const fetchOnce = async (): Promise<FetchOutcome> => {
    const headers: Record<string, string> = { accept: 'application/yaml, text/yaml, text/plain, */*' };
    if (etag) headers['if-none-match'] = etag;
    if (lastModified) headers['if-modified-since'] = lastModified;
    try {
      const res = await doFetch(url, { headers, signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
      if (res.status === 304) {
        await res.body?.cancel();
        return { kind: 'not-modified' };
      }
      if (!res.ok) {
        await res.body?.cancel();
        return { kind: 'error', message: `HTTP ${res.status} ${res.statusText}`.trim() };
      }
      const text = await res.text();
      etag = res.headers.get('etag') ?? undefined;
      lastModified = res.headers.get('last-modified') ?? undefined;
      const modifiedAt = lastModified ? Date.parse(lastModified) : Number.NaN;
      return { kind: 'content', text, ...(Number.isFinite(modifiedAt) ? { modifiedAt } : {}) };
    } catch (err) {
      return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
    }
  };

  const tick = async (): Promise<void> => {
    const outcome = await fetchOnce();
    if (closed) return;
    try {
      opts.onOutcome(outcome);
    } finally {
      timer = setTimeout(() => void tick(), opts.intervalMs);
    }
  };

  return {
    fetchOnce,
    start() {
      if (!closed && !timer) timer = setTimeout(() => void tick(), opts.intervalMs);
    },
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
