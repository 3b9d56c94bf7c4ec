import { performance } from 'node:perf_hooks';

/** Percentile of already-sorted samples (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export interface Summary {
  p50: number;
  p99: number;
  mean: number;
  n: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean, n: samples.length };
}

/** Latencies (ms) of `total` calls made by `clients` concurrent loops, and the wall time they took. */
export interface LoadResult {
  samples: number[];
  wallMs: number;
}

/** A closed loop: `clients` workers, each sending its next request as soon as its last one is answered. */
export async function closedLoop(
  clients: number,
  total: number,
  send: (i: number) => Promise<void>,
): Promise<LoadResult> {
  const samples: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      const start = performance.now();
      await send(i);
      samples.push(performance.now() - start);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(clients, total) }, worker));
  return { samples, wallMs: performance.now() - start };
}

/**
 * Runs each side in turn, in batches, rotating which side goes first every round, so drift in machine load
 * lands on all sides alike. Samples and wall time are pooled per side.
 */
export async function interleaved<Side extends string>(
  rounds: number,
  sides: readonly Side[],
  batch: (side: Side) => Promise<LoadResult>,
): Promise<Record<Side, LoadResult>> {
  const pooled = {} as Record<Side, LoadResult>;
  for (const side of sides) pooled[side] = { samples: [], wallMs: 0 };
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(round + k) % sides.length] as Side;
      const result = await batch(side);
      pooled[side].samples.push(...result.samples);
      pooled[side].wallMs += result.wallMs;
    }
  }
  return pooled;
}

/** Repeats a synchronous operation and returns its durations in ms. */
export function timeRepeated(times: number, op: (i: number) => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    op(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export function ms(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (n >= 1000) return `${(n / 1000).toFixed(2)} s`;
  if (n >= 10) return `${n.toFixed(1)} ms`;
  if (n >= 0.1) return `${n.toFixed(2)} ms`;
  return `${(n * 1000).toFixed(1)} µs`;
}

export const perSecond = (n: number): string => `${Math.round(n).toLocaleString('en-US')} req/s`;

export const mib = (bytes: number): string =>
  Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(0)} MiB` : '—';

export const times = (ratio: number): string => `${ratio.toFixed(2)}×`;
