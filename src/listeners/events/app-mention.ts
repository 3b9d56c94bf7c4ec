import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderSlackAnswer } from '../../render/slack/render-answer.js';
import { answerText, noteAnswer } from '../answer-text.js';
import type { ListenerDeps } from '../deps.js';
import { workspaceOf } from '../workspace.js';

/**
 * @osm-feature …: answered in the thread of the mention. Subscription answers go only to the asker
 * (they name who subscribed, which would ping them in a public thread). Other bots are not answered, so two
 * bots can never talk to each other in a loop.
 */
export function appMention(deps: ListenerDeps) {
  return async ({
    event,
    client,
    body,
    context,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    if (event.bot_id) return;
    const log = deps.log.child({
      kind: 'app_mention',
      event_id: 'event_id' in body ? body.event_id : undefined,
      user: event.user,
      channel: event.channel,
    });
    const { privateToAsker, answer } = await answerText(
      event.text ?? '',
      { workspace: workspaceOf(context), channelId: event.channel, userId: event.user ?? '', client, log },
      deps,
    );
    noteAnswer(body, answer);
    const message = renderSlackAnswer(answer);
    const threadTs = event.thread_ts ?? event.ts;
    if (privateToAsker && event.user) {
      await client.chat.postEphemeral({
        channel: event.channel,
        user: event.user,
        thread_ts: threadTs,
        ...message,
      });
      return;
    }
    await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, ...message });
  };
}
