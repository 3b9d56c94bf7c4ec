import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { workspaceOf } from '../workspace.js';

/**
 * Slack redelivers an event it thinks was not acknowledged (X-Slack-Retry-Num; retry_attempt in Socket Mode).
 * Bolt does not deduplicate, so the event_id is recorded in the store and a second delivery is dropped.
 */
export function dedupeEvents(deps: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const eventId =
      typeof body === 'object' && body !== null && 'event_id' in body ? body.event_id : undefined;
    if (typeof eventId === 'string' && !(await deps.events.firstSeen(workspaceOf(context), eventId))) {
      deps.log.info({ event_id: eventId, retry: context.retryNum }, 'duplicate event delivery dropped');
      return;
    }
    await next();
  };
}
