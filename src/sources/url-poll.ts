import { RegistryTooLargeError } from './size-cap.js';

/** What a conditional GET learned: new text, nothing new, or a failure to try again later. */
export type FetchOutcome =
  | { kind: 'content'; text: string; modifiedAt?: number }
  | { kind: 'not-modified' }
  | { kind: 'error'; message: string };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface UrlPollOptions {
  intervalMs: number;
  /** The whole request, body included, ms (default 10 s). */
  timeoutMs?: number;
  /** A body larger than this is refused while it streams in, never held whole (REGISTRY_MAX_BYTES). */
  maxBytes: number;
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
      const body = await readCapped(res, opts.maxBytes);
      if (body.kind === 'too-large') return { kind: 'error', message: body.message };
      const text = body.text;
      etag = res.headers.get('etag') ?? undefined;
      lastModified = res.headers.get('last-modified') ?? undefined;
      const modifiedAt = lastModified ? Date.parse(lastModified) : Number.NaN;
      return { kind: 'content', text, ...(Number.isFinite(modifiedAt) ? { modifiedAt } : {}) };
    } catch (err) {
      return { kind: 'error', message: describeFailure(err, opts.timeoutMs ?? 10_000) };
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

type CappedBody = { kind: 'text'; text: string } | { kind: 'too-large'; message: string };

/**
 * Reads a body up to `maxBytes`: a Content-Length over the cap is refused before a byte is read, and a body
 * that grows past it (no length, or a wrong one) is cancelled the moment it does. Only the bytes up to the
 * cap are ever held.
 */
async function readCapped(res: Response, maxBytes: number): Promise<CappedBody> {
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  const tooLarge = (): CappedBody => ({
    kind: 'too-large',
    message: `the body is ${new RegistryTooLargeError(Number.isFinite(declared) ? declared : undefined, maxBytes).message}`,
  });
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    return tooLarge();
  }
  if (!res.body) return { kind: 'text', text: '' };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  return { kind: 'text', text: Buffer.concat(chunks, size).toString('utf8') };
}

/** A fetch failure in words: a timeout says so, a network error names its cause. */
function describeFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `no complete answer within ${timeoutMs} ms (timed out)`;
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    return cause instanceof Error ? `${err.message}: ${cause.message}` : err.message;
  }
  return String(err);
}
