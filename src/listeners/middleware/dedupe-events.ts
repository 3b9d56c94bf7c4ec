import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { workspaceOf } from '../workspace.js';
import { RECOVERED_WORK } from './hold-work.js';

/**
 * Slack redelivers an event it thinks was not acknowledged (X-Slack-Retry-Num; retry_attempt in Socket Mode),
 * to any replica. Bolt does not deduplicate, so the event_id is recorded in the shared store and a second
 * delivery is dropped. A request replayed from pending work was seen by the replica that died: it goes on.
 * With the store unreachable, the event is answered (a rare duplicate beats silence).
 */
export function dedupeEvents(deps: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const eventId =
      typeof body === 'object' && body !== null && 'event_id' in body ? body.event_id : undefined;
    if (typeof eventId === 'string' && context[RECOVERED_WORK] === undefined) {
      const first = await deps.events.firstSeen(workspaceOf(context), eventId).catch((err: unknown) => {
        deps.log.warn({ err, event_id: eventId }, 'could not check for a duplicate delivery; answering it');
        return true;
      });
      if (!first) {
        deps.log.info({ event_id: eventId, retry: context.retryNum }, 'duplicate event delivery dropped');
        return;
      }
    }
    await next();
  };
}
