import type { Server } from 'node:http';
import { App, LogLevel } from '@slack/bolt';
import type { SlackMessage } from '../src/render/slack/blocks.js';

export interface BaselineOptions {
  botToken: string;
  signingSecret: string;
  slackApiUrl: string;
  /** Answers rendered once, ahead of time, by question text; without them every answer is one short text. */
  answers?: ReadonlyMap<string, SlackMessage>;
}

export const BASELINE_TEXT = 'OSM feature lifecycle bot';

const LEADING_MENTION = /^<@[A-Z0-9]+>\s*/;

/**
 * The floor to compare against: Bolt alone, on the same HTTPReceiver and the same Slack stand-in, with
 * listeners that do no work. The command acks a constant and the mention posts one in the thread: a short
 * text, or (with `answers`) our own answer rendered in advance, so that only our per-request work differs.
 */
export async function startBaselineApp(
  opts: BaselineOptions,
): Promise<{ port: number; stop(): Promise<void> }> {
  const app = new App({
    token: opts.botToken,
    signingSecret: opts.signingSecret,
    clientOptions: { slackApiUrl: opts.slackApiUrl },
    deferInitialization: true,
    logLevel: LogLevel.ERROR,
  });
  const answerFor = (text: string): SlackMessage =>
    opts.answers?.get(text) ?? { text: BASELINE_TEXT, blocks: [] };
  app.command('/osm-feature', async ({ ack, command }) => {
    if (!opts.answers) return ack(BASELINE_TEXT);
    await ack({ response_type: 'ephemeral', ...answerFor(command.text) });
  });
  app.event('app_mention', async ({ event, client }) => {
    const thread_ts = event.thread_ts ?? event.ts;
    if (!opts.answers) {
      await client.chat.postMessage({ channel: event.channel, thread_ts, text: BASELINE_TEXT });
      return;
    }
    const answer = answerFor((event.text ?? '').replace(LEADING_MENTION, ''));
    await client.chat.postMessage({ channel: event.channel, thread_ts, ...answer });
  });
  await app.init();
  const server = (await app.start(0)) as Server;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, stop: () => app.stop().then(() => undefined) };
}
