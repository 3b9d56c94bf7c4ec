import type { Logger } from 'pino';
import type { OutboxRow, Store } from '../store/store.js';
import type { NoticePayload } from './change-set.js';
import { DEFAULT_PACER, type PacerOptions } from './pacer.js';
import { type BackoffPolicy, DEFAULT_BACKOFF, type SendFailure } from './retry-policy.js';

/** Marks our posts so they can be recognised later (audits, a future history-based dedupe). */
export const NOTICE_EVENT_TYPE = 'osm_feature_notice';

/** One chat.postMessage, as the sender asks for it. */
export interface PostRequest {
  channel: string;
  text: string;
  blocks: NoticePayload['blocks'];
  metadata: { event_type: string; event_payload: { outbox_id: number; change_set: string } };
}

/** Posts one notice; resolves with Slack's ts or rejects with the web-api error. */
export type PostNotice = (request: PostRequest) => Promise<{ ts: string }>;

export type SenderEvent =
  | { type: 'sent'; row: OutboxRow; ts: string }
  | { type: 'retry'; row: OutboxRow; failure: SendFailure; notBefore: number }
  | { type: 'failed'; row: OutboxRow; error: string; deactivated: boolean }
  | { type: 'parked'; row: OutboxRow };

export interface SenderTuning {
  /** Posts in flight at once, across channels (one per channel at a time). */
  concurrency: number;
  pacer: PacerOptions;
  backoff: BackoffPolicy;
  /** How long every send pauses after the token is refused. */
  authPauseMs: number;
  /** How long stop() waits for posts in flight (keep it above the sending client's timeout). */
  stopTimeoutMs: number;
  /** How often to look for due rows nobody told us about (written before a restart, or by another process). */
  pollMs: number;
}

export const DEFAULT_SENDER_TUNING: SenderTuning = {
  concurrency: 50,
  pacer: DEFAULT_PACER,
  backoff: DEFAULT_BACKOFF,
  authPauseMs: 60_000,
  stopTimeoutMs: 15_000,
  pollMs: 1_000,
};

export interface SenderOptions {
  store: Store;
  post: PostNotice;
  log: Logger;
  tuning?: Partial<SenderTuning>;
  now?: () => number;
  random?: () => number;
  onEvent?: (event: SenderEvent) => void;
}
