import type { App } from '@slack/bolt';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App.js';
import { isNotInstalled } from '../shared/not-installed.js';
import { noteRequestOutcome } from '../shared/request-outcome.js';
import { isStoreUnavailable } from '../store/errors.js';
import type { ListenerDeps } from './deps.js';

const APOLOGY = 'Sorry, something went wrong on my side while answering. Please try again in a moment.';
const NOT_INSTALLED =
  'osm-feature is not installed in this workspace (or was removed from it), so I can’t answer here. A workspace admin can add it again from its install page.';
const STORE_DOWN =
  'Sorry, I can’t reach my database right now, so I couldn’t do that, and nothing was changed. Questions about features still work; please try this again in a minute.';

/** Whether Bolt's error (maybe wrapping the listener's, or several) is the store being unreachable. */
function storeDown(error: unknown): boolean {
  if (isStoreUnavailable(error)) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { original, originals } = error as { original?: unknown; originals?: unknown };
  return isStoreUnavailable(original) || (Array.isArray(originals) && originals.some(isStoreUnavailable));
}

/**
 * The one handler for unexpected errors: log with context, then tell the user briefly (never a stack trace).
 * Commands hear back through their response_url; mentions and DMs in the conversation.
 */
export function registerErrorHandler(app: App, deps: ListenerDeps): void {
  app.error(async ({ error, body, context }: ExtendedErrorHandlerArgs) => {
    const b: Record<string, unknown> =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    noteRequestOutcome(body, 'error');
    const notInstalled = isNotInstalled(error);
    if (notInstalled)
      deps.log.info(
        { team: context.teamId, enterprise: context.enterpriseId },
        'a request from a workspace without the app',
      );
    else
      deps.log.error(
        { err: error, team: context.teamId, event_id: b.event_id, command: b.command },
        'listener failed',
      );
    const apology = notInstalled ? NOT_INSTALLED : storeDown(error) ? STORE_DOWN : APOLOGY;
    try {
      if (typeof b.response_url === 'string') {
        await fetch(b.response_url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ response_type: 'ephemeral', text: apology }),
        });
        return;
      }
      const event = b.event as Record<string, unknown> | undefined;
      if (event && typeof event.channel === 'string' && context.botToken) {
        const threadTs =
          typeof event.thread_ts === 'string'
            ? event.thread_ts
            : event.type === 'app_mention'
              ? event.ts
              : undefined;
        await app.client.chat.postMessage({
          token: context.botToken,
          channel: event.channel,
          text: apology,
          ...(typeof threadTs === 'string' ? { thread_ts: threadTs } : {}),
        });
      }
    } catch (err) {
      deps.log.warn({ err }, 'could not tell the user about a failure');
    }
  });
}
