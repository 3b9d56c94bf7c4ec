import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerText } from '../answer-text.js';
import type { ListenerDeps } from '../deps.js';

/** @osm-feature …: answered in the thread of the mention. */
export function appMention(deps: ListenerDeps) {
  return async ({
    event,
    client,
    body,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const log = deps.log.child({
      kind: 'app_mention',
      event_id: 'event_id' in body ? body.event_id : undefined,
      user: event.user,
      channel: event.channel,
    });
    const message = await answerText(
      event.text ?? '',
      { channelId: event.channel, userId: event.user ?? '', client, log },
      deps,
    );
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts ?? event.ts,
      ...message,
    });
  };
}
