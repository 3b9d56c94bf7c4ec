import type { App } from '@slack/bolt';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App.js';
import type { ListenerDeps } from './deps.js';

const APOLOGY = 'Sorry, something went wrong on my side while answering. Please try again in a moment.';

/**
 * The one handler for unexpected errors: log with context, then tell the user briefly (never a stack trace).
 * Commands hear back through their response_url; mentions and DMs in the conversation.
 */
export function registerErrorHandler(app: App, deps: ListenerDeps): void {
  app.error(async ({ error, body, context }: ExtendedErrorHandlerArgs) => {
    const b: Record<string, unknown> =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    deps.log.error(
      { err: error, team: context.teamId, event_id: b.event_id, command: b.command },
      'listener failed',
    );
    try {
      if (typeof b.response_url === 'string') {
        await fetch(b.response_url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ response_type: 'ephemeral', text: APOLOGY }),
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
          text: APOLOGY,
          ...(typeof threadTs === 'string' ? { thread_ts: threadTs } : {}),
        });
      }
    } catch (err) {
      deps.log.warn({ err }, 'could not tell the user about a failure');
    }
  });
}
