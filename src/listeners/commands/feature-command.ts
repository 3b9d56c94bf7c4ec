import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerResolved, resolveText } from '../answer-text.js';
import type { ListenerDeps } from '../deps.js';

/**
 * /osm-feature. Questions are answered in the ack itself (the fast path: no extra round trip), ephemeral.
 * Subscription commands touch the store and Slack, so they ack at once and answer through response_url.
 */
export function featureCommand(deps: ListenerDeps) {
  return async ({
    command,
    ack,
    respond,
    client,
    logger: _l,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const log = deps.log.child({
      kind: 'command',
      team: command.team_id,
      user: command.user_id,
      channel: command.channel_id,
    });
    const text = typeof command.text === 'string' ? command.text : '';
    const ctx = { channelId: command.channel_id, userId: command.user_id, client, log };
    // Decided from the parsed intent, so every phrasing of a subscription command takes the slow path.
    const resolved = resolveText(text, deps.registry.current());
    if (resolved.message) {
      await ack({ response_type: 'ephemeral', ...resolved.message });
      return;
    }
    await ack();
    const { privateToAsker: _private, ...message } = await answerResolved(resolved, ctx, deps);
    await respond({ response_type: 'ephemeral', ...message });
  };
}
