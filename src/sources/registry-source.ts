import type { Logger } from 'pino';
import { type DetectedRegistryResult, detectAndParseRegistry } from '../osm-page/detect.js';
import { formatRegistryError, type RegistryError, RegistryLoadError } from '../registry/load.js';
import type { SourceVersion } from '../registry/provider.js';
import type { Registry } from '../registry/schema.js';
import { sha256 } from '../shared/hash.js';
import { loadDefaultMapping } from './default-mapping.js';
import { readWithMtime, watchRegistryFile } from './file-watch.js';
import { SecondSighting } from './second-sighting.js';
import { DEFAULT_REGISTRY_MAX_BYTES } from './size-cap.js';
import { type FetchLike, pollRegistryUrl } from './url-poll.js';

/**
 * Parses registry source text, whatever its format: YAML, or OSM's Feature Lifecycle page in Markdown
 * (by the .md extension or the page's shape; see detectRegistryFormat), so every source gets both. The
 * package's id mapping is read only when a Markdown page needs it.
 */
export function parseRegistrySource(text: string, file: string): DetectedRegistryResult {
  return detectAndParseRegistry(text, file, loadDefaultMapping);
}

export type Offer =
  | { kind: 'accepted'; registry: Registry; warnings: RegistryError[] }
  /** Same bytes as last time, or a new text that parses to the same registry (comments, spacing). */
  | { kind: 'same' }
  | { kind: 'refused'; errors: RegistryError[] };

/**
 * Keeps the last good registry. A new text is parsed once: an invalid one is refused (and, being the last
 * text seen, not parsed again until the source changes), a valid one replaces the current registry.
 */
export class RegistryGate {
  private lastText: string | undefined;
  private currentJson: string | undefined;

  constructor(private registry: Registry | undefined) {
    this.currentJson = registry ? JSON.stringify(registry) : undefined;
  }

  get current(): Registry | undefined {
    return this.registry;
  }

  offer(text: string, file: string): Offer {
    const textHash = sha256(text);
    if (textHash === this.lastText) return { kind: 'same' };
    this.lastText = textHash;
    const parsed = parseRegistrySource(text, file);
    if (!parsed.ok) return { kind: 'refused', errors: parsed.errors };
    const json = JSON.stringify(parsed.registry);
    if (json === this.currentJson) return { kind: 'same' };
    this.adopt(parsed.registry);
    return { kind: 'accepted', registry: parsed.registry, warnings: parsed.warnings };
  }

  /** Serves a registry that did not come from the source text (the stored snapshot at start). */
  adopt(registry: Registry): void {
    this.registry = registry;
    this.currentJson = JSON.stringify(registry);
  }
}

export interface RegistrySourceOptions {
  /** REGISTRY_PATH: watched when there is no URL; the last resort at start when there is one. */
  path: string;
  url?: string;
  pollSeconds: number;
  log: Logger;
  /** The last announced registry (the store's snapshot): served when the source is unusable at start. */ fallback?: () => Promise<
    Registry | undefined
  >;
  debounceMs?: number;
  fetch?: FetchLike;
  /** REGISTRY_MAX_BYTES: a larger file or URL body is refused (default 5 MiB). */
  maxBytes?: number;
  /** How long one URL fetch may take, body included, ms (default 10 s). */
  fetchTimeoutMs?: number;
}

/** Where the registry comes from while the bot runs. */
export interface RegistrySource {
  /** The file path or URL. */
  readonly origin: string /** The latest good registry. */;
  current(): Registry;
  /** What the source said about the version current() gave (when it last changed). */
  version(): SourceVersion;
  /** Starts watching (file) or polling (URL); `onChange` gets each new good registry. */
  watch(onChange: (registry: Registry, version: SourceVersion) => void): void;
  stop(): void;
}

/**
 * Opens the registry source: REGISTRY_URL if set (polled every REGISTRY_POLL_SECONDS), else the file at
 * REGISTRY_PATH (watched, picked up within about a second of saving). At start, a source that cannot be
 * read or does not validate falls back to the last announced registry, so a bad edit made while the bot
 * was down does not stop it; with nothing to fall back to, start-up fails with file:line:col errors.
 */
export async function openRegistrySource(opts: RegistrySourceOptions): Promise<RegistrySource> {
  const { log } = opts;
  const maxBytes = opts.maxBytes ?? DEFAULT_REGISTRY_MAX_BYTES;
  const gate = new RegistryGate(undefined);
  const sighting = new SecondSighting();
  const origin = opts.url ?? opts.path;
  let listener: ((registry: Registry, version: SourceVersion) => void) | undefined;
  let version: SourceVersion = {};
  const take = (text: string, modifiedAt?: number): void => {
    const offer = gate.offer(text, origin);
    if (offer.kind === 'refused') {
      for (const e of offer.errors)
        log.error({ source: origin, line: e.line, col: e.col }, formatRegistryError(e));
      log.error(
        { source: origin, errors: offer.errors.length },
        'registry refused; still serving the last good one',
      );
    } else if (offer.kind === 'accepted') {
      for (const w of offer.warnings) log.warn({ source: origin }, formatRegistryError(w));
      log.info({ source: origin, features: offer.registry.features.length }, 'registry updated');
      version = modifiedAt === undefined ? {} : { modifiedAt };
      listener?.(offer.registry, version);
    }
  };

  const poll = opts.url
    ? pollRegistryUrl(opts.url, {
        intervalMs: opts.pollSeconds * 1000,
        maxBytes,
        ...(opts.fetchTimeoutMs === undefined ? {} : { timeoutMs: opts.fetchTimeoutMs }),
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
        onOutcome: (outcome) => {
          if (outcome.kind === 'error') {
            log.warn(
              { source: origin, error: outcome.message, retryInSeconds: opts.pollSeconds },
              `registry fetch failed (${outcome.message}); keeping the current registry`,
            );
            return;
          }
          const seen =
            outcome.kind === 'content'
              ? sighting.content(outcome.text, outcome.modifiedAt)
              : sighting.notModified();
          if (seen.kind === 'confirmed') take(seen.text, seen.modifiedAt);
          else if (seen.kind === 'held')
            log.info(
              { source: origin, retryInSeconds: opts.pollSeconds },
              'the registry URL changed; taking it once the next poll sees the same version',
            );
        },
      })
    : undefined;

  let startErrors: RegistryError[] = [];
  const first = poll ? await poll.fetchOnce() : await readText(opts.path, maxBytes);
  if (first.kind === 'content') {
    sighting.takenNow(first.text);
    const offer = gate.offer(first.text, origin);
    if (offer.kind === 'refused') startErrors = offer.errors;
    else if (first.modifiedAt !== undefined) version = { modifiedAt: first.modifiedAt };
  } else if (first.kind === 'error') {
    log.warn({ source: origin, error: first.message }, 'registry source unreadable at start');
  }
  let started = gate.current;
  if (!started) {
    const fallback =
      (await opts.fallback?.()) ?? (poll ? await fileFallback(opts.path, maxBytes, log) : undefined);
    if (!fallback) {
      if (startErrors.length > 0) throw new RegistryLoadError(startErrors);
      throw new Error(
        `cannot read the registry from ${origin}: ${first.kind === 'error' ? first.message : 'no content'}`,
      );
    }
    for (const e of startErrors)
      log.error({ source: origin, line: e.line, col: e.col }, formatRegistryError(e));
    log.warn(
      { source: origin },
      'serving a fallback registry (last announced, else REGISTRY_PATH) until the source is fixed',
    );
    gate.adopt(fallback);
    started = fallback;
  }
  const atStart = started;

  let fileWatch: ReturnType<typeof watchRegistryFile> | undefined;
  return {
    origin,
    current: () => gate.current ?? atStart,
    version: () => version,
    watch(onChange) {
      listener = onChange;
      if (poll) return poll.start();
      fileWatch = watchRegistryFile(opts.path, {
        maxBytes,
        debounceMs: opts.debounceMs ?? 200,
        onContent: take,
        onReadError: (err) =>
          log.warn({ err, source: origin }, 'registry file unreadable; waiting for the next save'),
      });
      fileWatch.check();
    },
    stop() {
      poll?.close();
      fileWatch?.close();
    },
  };
}

async function readText(
  file: string,
  maxBytes: number,
): Promise<{ kind: 'content'; text: string; modifiedAt?: number } | { kind: 'error'; message: string }> {
  try {
    return { kind: 'content', ...(await readWithMtime(file, maxBytes)) };
  } catch (err) {
    return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}

async function fileFallback(file: string, maxBytes: number, log: Logger): Promise<Registry | undefined> {
  const read = await readText(file, maxBytes);
  if (read.kind === 'error') return undefined;
  const parsed = parseRegistrySource(read.text, file);
  if (parsed.ok) log.warn({ file }, 'REGISTRY_URL unusable at start; serving REGISTRY_PATH');
  return parsed.ok ? parsed.registry : undefined;
}
