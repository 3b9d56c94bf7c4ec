import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { workspaceOf } from '../workspace.js';

/**
 * The user opened the app: publish their Home dashboard with their saved filter. Slack sends this event for
 * the Messages tab too; only the Home tab is drawn. Opening also marks the user as recent, so a registry
 * change refreshes their view.
 */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({
    event,
    client,
    context,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await deps.home.publish(client, workspaceOf(context), event.user, { touch: true });
  };
}
