import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderSlackAnswer } from '../../render/slack/render-answer.js';
import { answerText, noteAnswer } from '../answer-text.js';
import type { ListenerDeps } from '../deps.js';
import { workspaceOf } from '../workspace.js';

/** A DM to the bot: answered in the DM. Edits, joins and other bots' messages are not questions. */
export function directMessage(deps: ListenerDeps) {
  return async ({
    event,
    client,
    body,
    context,
  }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    if (event.channel_type !== 'im') return;
    if ('subtype' in event && event.subtype !== undefined) return;
    if ('bot_id' in event && event.bot_id) return;
    const user = 'user' in event && typeof event.user === 'string' ? event.user : '';
    const text = 'text' in event && typeof event.text === 'string' ? event.text : '';
    const log = deps.log.child({
      kind: 'message.im',
      event_id: 'event_id' in body ? body.event_id : undefined,
      user,
    });
    const { answer } = await answerText(
      text,
      { workspace: workspaceOf(context), channelId: event.channel, userId: user, client, log },
      deps,
    );
    noteAnswer(body, answer);
    const threadTs =
      'thread_ts' in event && typeof event.thread_ts === 'string' ? event.thread_ts : undefined;
    await client.chat.postMessage({
      channel: event.channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...renderSlackAnswer(answer),
    });
  };
}
