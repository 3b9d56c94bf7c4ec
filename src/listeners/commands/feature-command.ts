import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerText } from '../answer-text.js';
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
    const head = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (head === 'subscribe' || head === 'unsubscribe' || head === 'subscriptions') {
      await ack();
      const { privateToAsker: _private, ...message } = await answerText(text, ctx, deps);
      await respond({ response_type: 'ephemeral', ...message });
      return;
    }
    const { privateToAsker: _private, ...message } = await answerText(text, ctx, deps);
    await ack({ response_type: 'ephemeral', ...message });
  };
}
