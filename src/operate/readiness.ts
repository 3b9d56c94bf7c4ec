/** One readiness check: resolves true when it passes; false or a rejection (or a timeout) means it failed. */
export type ReadinessCheck = () => Promise<boolean> | boolean;

/** The readiness checks, by the name /readyz reports when one fails. */
export interface ReadinessChecks {
  registry: ReadinessCheck;
  store: ReadinessCheck;
  slack: ReadinessCheck;
}

export interface ReadinessResult {
  ready: boolean;
  /** Each check's result, in a fixed order: `ok` or `failed`. */
  checks: Record<keyof ReadinessChecks, 'ok' | 'failed'>;
}

export interface Readiness {
  /** The latest result, at most `cacheMs` old: a probe storm reaches the database and Slack once per window. */
  check(): Promise<ReadinessResult>;
}

export interface ReadinessOptions {
  /** How long a result answers for, ms (default 1 s). */
  cacheMs?: number;
  /** A check that takes longer than this has failed, ms (default 2 s, under a kubelet probe's 1 s+ timeout). */
  timeoutMs?: number;
  now?: () => number;
}

const NAMES = ['registry', 'store', 'slack'] as const;

/** Runs the checks in parallel, each with a timeout, and shares one run between callers within `cacheMs`. */
export function createReadiness(checks: ReadinessChecks, opts: ReadinessOptions = {}): Readiness {
  const cacheMs = opts.cacheMs ?? 1_000;
  const timeoutMs = opts.timeoutMs ?? 2_000;
  const now = opts.now ?? Date.now;
  let last: { at: number; result: Promise<ReadinessResult> } | undefined;
  const run = async (): Promise<ReadinessResult> => {
    const results = await Promise.all(NAMES.map((name) => passes(checks[name], timeoutMs)));
    const entries = NAMES.map((name, i) => [name, results[i] ? 'ok' : 'failed'] as const);
    return {
      ready: results.every(Boolean),
      checks: Object.fromEntries(entries) as ReadinessResult['checks'],
    };
  };
  return {
    check() {
      if (!last || now() - last.at >= cacheMs) last = { at: now(), result: run() };
      return last.result;
    },
  };
}

function passes(check: ReadinessCheck, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
    Promise.resolve()
      .then(check)
      .then(
        (ok) => resolve(ok === true),
        () => resolve(false),
      )
      .finally(() => clearTimeout(timer));
  });
}

/**
 * A check that calls out (Slack's auth.test) at most once per `okMs` while it passes, and once per `failMs`
 * while it fails, so readiness follows an outage quickly without calling Slack on every probe.
 */
export function throttledCheck(
  check: () => Promise<boolean>,
  okMs: number,
  failMs: number,
  now: () => number = Date.now,
): ReadinessCheck {
  let last: { at: number; ok: Promise<boolean> } | undefined;
  return async () => {
    const previous = last ? await last.ok : false;
    if (!last || now() - last.at >= (previous ? okMs : failMs)) {
      last = { at: now(), ok: check().catch(() => false) };
    }
    return last.ok;
  };
}
