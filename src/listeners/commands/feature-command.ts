import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { resolveText } from '../../answer/resolve-text.js';
import { renderSlackAnswer } from '../../render/slack/render-answer.js';
import { answerResolved, noteAnswer } from '../answer-text.js';
import type { ListenerDeps } from '../deps.js';
import { workspaceOf } from '../workspace.js';

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
    context,
    body,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const log = deps.log.child({
      kind: 'command',
      team: command.team_id,
      user: command.user_id,
      channel: command.channel_id,
    });
    const text = typeof command.text === 'string' ? command.text : '';
    const ctx = {
      workspace: workspaceOf(context),
      channelId: command.channel_id,
      userId: command.user_id,
      client,
      log,
    };
    // Decided from the parsed intent, so every phrasing of a subscription command takes the slow path.
    const resolved = resolveText(text, deps.registry.current());
    if (resolved.answer) {
      noteAnswer(body, resolved.answer);
      await ack({ response_type: 'ephemeral', ...renderSlackAnswer(resolved.answer) });
      return;
    }
    await ack();
    const { answer } = await answerResolved(resolved, ctx, deps);
    noteAnswer(body, answer);
    await respond({ response_type: 'ephemeral', ...renderSlackAnswer(answer) });
  };
}
