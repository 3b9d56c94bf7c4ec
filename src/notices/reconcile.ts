import type { OutboxRow, WorkspaceRef } from '../store/store.js';
import { classifySendError } from './retry-policy.js';
import { type HistoryMessage, NOTICE_EVENT_TYPE, type NoticeSlack } from './sender-types.js';

/** What a channel's history says about an uncertain row. */
export type Reconciliation =
  | { kind: 'found'; ts: string }
  | { kind: 'absent' }
  /** The read was rate limited: look again after this long; the row stays uncertain. */
  | { kind: 'later'; retryAfterMs: number }
  /** History cannot be read (a scope not granted, a private channel): post again, knowing it may repeat. */
  | { kind: 'unreadable'; error: string };

/** How far before the first attempt the read starts, for clocks that disagree. */
const CLOCK_SLACK_MS = 60_000;

interface CachedRead {
  at: number;
  oldestMs: number;
  messages: HistoryMessage[];
}

/** Whether a message is ours, carrying this delivery's id. */
export function carriesDelivery(message: HistoryMessage, deliveryId: string): boolean {
  return (
    message.metadata?.event_type === NOTICE_EVENT_TYPE &&
    message.metadata.event_payload?.delivery_id === deliveryId
  );
}

/**
 * Looks for an uncertain row's message in its channel: Slack's API has no idempotency key for
 * chat.postMessage, but every notice carries its delivery id in its metadata. One read (kept for
 * `cacheMs`) covers every uncertain row of a channel; a rate-limited read holds back only these rows.
 */
export class Reconciler {
  private readonly reads = new Map<string, CachedRead>();

  constructor(
    private readonly slack: NoticeSlack,
    private readonly now: () => number,
    private readonly cacheMs: number,
  ) {}

  async check(row: OutboxRow): Promise<Reconciliation> {
    const oldestMs = (row.firstAttemptAt ?? row.createdAt) - CLOCK_SLACK_MS;
    const key = channelKey(row.workspace, row.channelId);
    const t = this.now();
    let read = this.reads.get(key);
    if (!read || t - read.at > this.cacheMs || read.oldestMs > oldestMs) {
      try {
        read = {
          at: t,
          oldestMs,
          messages: await this.slack.history(row.workspace, row.channelId, oldestMs),
        };
      } catch (err) {
        const failure = classifySendError(err);
        if (failure.kind === 'rate_limited') return { kind: 'later', retryAfterMs: failure.retryAfterMs };
        if (failure.kind === 'transient') return { kind: 'later', retryAfterMs: 5_000 };
        return { kind: 'unreadable', error: failure.error };
      }
      this.reads.set(key, read);
      if (this.reads.size > 1_000) this.forgetOld(t);
    }
    const found = read.messages.find((m) => carriesDelivery(m, row.deliveryId));
    return found ? { kind: 'found', ts: found.ts } : { kind: 'absent' };
  }

  /** A post just made in a channel is not in an older read: the next check reads again. */
  forget(ws: WorkspaceRef, channelId: string): void {
    this.reads.delete(channelKey(ws, channelId));
  }

  private forgetOld(t: number): void {
    for (const [key, read] of this.reads) if (t - read.at > this.cacheMs) this.reads.delete(key);
  }
}

function channelKey(ws: WorkspaceRef, channelId: string): string {
  return `${ws.teamId}/${channelId}`;
}
