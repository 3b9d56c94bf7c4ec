/** How a Slack request ended, as far as its listener can tell: the `outcome` label of the request metrics. */
export type NotedOutcome = 'answered' | 'not_found' | 'error';

interface Cell {
  outcome: NotedOutcome;
}

/**
 * Each request's outcome, keyed by its body: Bolt hands the same body object to every middleware, listener and
 * the error handler of one request, so no context has to be threaded through (and, unlike AsyncLocalStorage,
 * this costs nothing on the promises of every other request).
 */
const cells = new WeakMap<object, Cell>();

/** Starts tracking a request's outcome; the returned function reads it (answered unless noted otherwise). */
export function trackRequestOutcome(body: object): () => NotedOutcome {
  const cell: Cell = { outcome: 'answered' };
  cells.set(body, cell);
  return () => cell.outcome;
}

/**
 * Notes the outcome of the request with this body. An error is final: a later note does not hide it. A body
 * nobody tracks (metrics off, a test building the app alone) is left alone.
 */
export function noteRequestOutcome(body: unknown, outcome: NotedOutcome): void {
  if (typeof body !== 'object' || body === null) return;
  const cell = cells.get(body);
  if (!cell || cell.outcome === 'error') return;
  cell.outcome = outcome;
}
