/**
 * The rule behind a workspace's shared send budget, as pure functions of what the store holds. Slack limits
 * chat.postMessage per workspace with an unpublished budget per window (https://api.slack.com/docs/rate-limits),
 * whichever process sends: so every replica takes a slot from one ledger per workspace.
 * - A slot is held from the post's start until `windowMs` (plus a margin) after it completed. Slack counts a
 *   post when it arrives, which is before its answer comes back, so anchoring on completion keeps every one
 *   of Slack's windows within budget however much start times jitter between replicas.
 * - The budget is learned from a 429: the posts delivered that started in the window before it. It is
 *   counted once every post of that window has finished (a window later), since answers of posts Slack
 *   counted can come back after the 429 does; counting at once would learn too small a budget for good.
 * - A learned budget only shrinks, and is forgotten after `forgetAfterMs` without a 429.
 * - Until a budget is known, at most `probeInFlight` posts are out at once across replicas. The first 429
 *   then meets only those: without the cap, every replica's posts already under way would each earn one, and
 *   each 429's Retry-After pushes the pause later.
 */
export interface BudgetPolicy {
  windowMs: number;
  /** A little extra on top of each window, for clock granularity. */
  marginMs: number;
  forgetAfterMs: number;
  /** How soon to ask again when the slot to wait for is held by a post still in flight. */
  recheckMs: number;
  /** How long an unfinished slot counts: longer than any post can take (its taker may have died). */
  holdMs: number;
  /** Posts out at once, across replicas, while no budget is known. */
  probeInFlight: number;
  /**
   * The smallest budget a 429 can teach. Slack's per-workspace budget for chat.postMessage is far above it;
   * a 429 with fewer posts delivered in its window was about something else (one channel, a hiccup) and
   * teaches nothing, though its Retry-After is honoured all the same.
   */
  minBudget: number;
}

/** A slot that still counts: in flight (its release is only a bound) or finished and held for a window. */
export interface HeldSlot {
  releaseAt: number;
  finished: boolean;
}

export interface BudgetState {
  /** The stored budget, whether or not it is still alive. */
  budget: number | undefined;
  last429: number | undefined;
}

/** How many of the slots asked for may be taken now; when fewer than all, when to ask again. */
export interface SlotGrant {
  granted: number;
  retryAt?: number;
}

/** The budget that applies at `now`: learned, and not yet forgotten. */
export function liveBudget(state: BudgetState, now: number, policy: BudgetPolicy): number | undefined {
  if (state.budget === undefined || state.last429 === undefined) return undefined;
  return now - state.last429 > policy.forgetAfterMs ? undefined : state.budget;
}

/** How many of `wanted` posts may start now, given the pause and the slots held. */
export function decideSlots(
  budget: number | undefined,
  pausedUntil: number | undefined,
  held: readonly HeldSlot[],
  wanted: number,
  now: number,
  policy: BudgetPolicy,
): SlotGrant {
  if (pausedUntil !== undefined && pausedUntil > now) return { granted: 0, retryAt: pausedUntil };
  if (budget === undefined) {
    const inFlight = held.filter((s) => !s.finished).length;
    const granted = Math.min(wanted, Math.max(0, policy.probeInFlight - inFlight));
    return granted === wanted ? { granted } : { granted, retryAt: now + policy.recheckMs };
  }
  const granted = Math.min(wanted, Math.max(0, budget - held.length));
  if (granted === wanted) return { granted };
  const timed = held
    .filter((s) => s.finished)
    .map((s) => s.releaseAt)
    .sort((a, b) => a - b);
  // With the granted ones in flight too, the slots that must free up before the next is ours: the
  // earliest (held + granted - budget + 1) releases. One held by a post in flight has no release yet.
  const needed = timed[held.length + granted - budget];
  return { granted, retryAt: needed ?? now + policy.recheckMs };
}

/** The budget after counting `delivered` posts in the window before a 429. */
export function learnBudget(
  previous: number | undefined,
  delivered: number,
  policy: Pick<BudgetPolicy, 'minBudget'>,
): number | undefined {
  if (delivered < policy.minBudget) return previous;
  return previous === undefined ? delivered : Math.min(previous, delivered);
}

/** When a delivered post's slot, finished at `finishedAt`, stops counting. */
export function releaseOf(finishedAt: number, policy: BudgetPolicy): number {
  return finishedAt + policy.windowMs + policy.marginMs;
}
