import type { Logger } from 'pino';
import type { NoticePayload } from '../store/payload.js';
import type { OutboxRow, Store, WorkspaceRef } from '../store/store.js';
import { DEFAULT_PACER, type PacerOptions } from './pacer.js';
import { type BackoffPolicy, DEFAULT_BACKOFF, type SendFailure } from './retry-policy.js';

/** Marks our posts so that they can be found again in a channel's history. */
export const NOTICE_EVENT_TYPE = 'osm_feature_notice';

/** One chat.postMessage, as the sender asks for it. */
export interface PostRequest {
  channel: string;
  text: string;
  blocks: NoticePayload['blocks'];
  metadata: { event_type: string; event_payload: { delivery_id: string; change_set: string } };
}

/** A message from conversations.history, as far as reconciliation looks at it. */
export interface HistoryMessage {
  ts: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** What the sender needs from Slack, per workspace (each with its own token). */
export interface NoticeSlack {
  /** Resolves with Slack's ts or rejects with the web-api error. */
  post(ws: WorkspaceRef, request: PostRequest): Promise<{ ts: string }>;
  /**
   * The channel's messages since `oldestMs` (epoch ms), newest first, with their metadata; rejects with the
   * web-api error (a 429 as WebAPIRateLimitedError, a missing scope as a platform error).
   */
  history(ws: WorkspaceRef, channel: string, oldestMs: number): Promise<HistoryMessage[]>;
}

export type SenderEvent =
  | { type: 'sent'; row: OutboxRow; ts: string }
  /** The post was already in the channel (its answer had been lost): recorded without posting again. */
  | { type: 'reconciled'; row: OutboxRow; ts: string }
  | { type: 'retry'; row: OutboxRow; failure: SendFailure; notBefore: number }
  | { type: 'failed'; row: OutboxRow; error: string; deactivated: boolean }
  /** Handed back at shutdown before it was posted: another replica (or the next start) sends it. */
  | { type: 'parked'; row: OutboxRow };

export interface SenderTuning {
  /** Posts in flight at once, across channels (one per channel at a time). */
  concurrency: number;
  pacer: PacerOptions;
  backoff: BackoffPolicy;
  /** How long a workspace's sends pause after its token is refused. */
  authPauseMs: number;
  /** How long stop() waits for posts in flight (keep it above the sending client's timeout). */
  stopTimeoutMs: number;
  /** How often to look for due rows nobody told us about (another replica's commit, a retry coming due). */
  pollMs: number;
  /** How long a claimed row is ours; a replica that dies holding it loses it after this. */
  leaseMs: number;
  /** How long one history read answers for the uncertain rows of its channel. */
  historyCacheMs: number;
}

export const DEFAULT_SENDER_TUNING: SenderTuning = {
  concurrency: 50,
  pacer: DEFAULT_PACER,
  backoff: DEFAULT_BACKOFF,
  authPauseMs: 60_000,
  stopTimeoutMs: 15_000,
  pollMs: 1_000,
  leaseMs: 30_000,
  historyCacheMs: 5_000,
};

export interface SenderOptions {
  store: Store;
  slack: NoticeSlack;
  log: Logger;
  /** This replica's name on the leases it takes (default: random). */
  worker?: string;
  tuning?: Partial<SenderTuning>;
  now?: () => number;
  random?: () => number;
  onEvent?: (event: SenderEvent) => void;
}
