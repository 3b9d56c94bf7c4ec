import { AsyncLocalStorage } from 'node:async_hooks';

/** How a Slack request ended, as far as its listener can tell: the `outcome` label of the request metrics. */
export type NotedOutcome = 'answered' | 'not_found' | 'error';

interface Cell {
  outcome: NotedOutcome;
}

const current = new AsyncLocalStorage<Cell>();

/** Runs one request's handling with a place for its outcome; resolves to what was noted (default answered). */
export async function withRequestOutcome(run: () => Promise<void>): Promise<NotedOutcome> {
  const cell: Cell = { outcome: 'answered' };
  await current.run(cell, run);
  return cell.outcome;
}

/**
 * Notes the current request's outcome. An error is final: a later note does not hide it. Outside a request
 * (a notice, a test building the app alone), nothing happens.
 */
export function noteRequestOutcome(outcome: NotedOutcome): void {
  const cell = current.getStore();
  if (!cell || cell.outcome === 'error') return;
  cell.outcome = outcome;
}
