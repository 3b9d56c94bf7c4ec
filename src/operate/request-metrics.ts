import { performance } from 'node:perf_hooks';
import type { App, ReceiverEvent } from '@slack/bolt';
import { trackRequestOutcome } from '../shared/request-outcome.js';
import type { BotMetrics, RequestKind, RequestOutcome } from './metrics.js';

const EVENT_KINDS: Readonly<Record<string, RequestKind>> = {
  app_mention: 'mention',
  app_home_opened: 'home',
  link_shared: 'unfurl',
};

/** What a Slack request body is, as the metrics count it; undefined for what they leave out (uninstalls). */
export function requestKindOf(body: unknown): RequestKind | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  if (typeof b.command === 'string') return 'command';
  if (b.type === 'event_callback') {
    const event = b.event as Record<string, unknown> | undefined;
    const type = typeof event?.type === 'string' ? event.type : '';
    if (type === 'message') return event?.channel_type === 'im' ? 'dm' : undefined;
    return EVENT_KINDS[type];
  }
  if (
    typeof b.type === 'string' &&
    /^(block_actions|view_submission|view_closed|shortcut|message_action|block_suggestion)$/.test(b.type)
  )
    return 'action';
  return undefined;
}

/**
 * Counts every request the app processes, by kind and outcome, and times its ack. Both receivers (HTTP and
 * Socket Mode) hand each request to `app.processEvent`, so wrapping it there sees every request once, in
 * either mode. The outcome is what the listeners noted (see noteRequestOutcome): `error` when the error
 * handler ran, `not_found` when the answer found nothing.
 */
export function instrumentRequests(app: App, metrics: BotMetrics): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent): Promise<void> => {
    const kind = requestKindOf(event.body);
    if (!kind) return processEvent(event);
    const start = performance.now();
    let acked = false;
    const ack = event.ack;
    const timed: ReceiverEvent = {
      ...event,
      ack: (response) => {
        if (!acked) {
          acked = true;
          metrics.acked(kind, (performance.now() - start) / 1000);
        }
        return ack(response);
      },
    };
    const noted = trackRequestOutcome(event.body);
    let outcome: RequestOutcome = 'error';
    try {
      await processEvent(timed);
      outcome = noted();
    } finally {
      metrics.request(kind, outcome);
    }
  };
}
