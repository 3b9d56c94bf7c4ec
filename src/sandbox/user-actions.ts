import {
  asArray,
  asString,
  type BlockActionInput,
  type HttpResult,
  isRecord,
  type SlackStandin,
} from '@osm-feature-bot/slack-standin';
import { APP_NAME, COMMAND } from '../render/slack/ids.js';
import { composeMessage } from './compose.js';
import type { ConversationFeed } from './feed.js';
import { findOfferedOption } from './find-option.js';
import { SANDBOX_USER, SLACKBOT } from './workspace.js';

/** Why a request from the page could not be carried out. */
export class SandboxInputError extends Error {
  readonly code = 'SANDBOX_BAD_INPUT';
}

/**
 * What the person on the page does, turned into what Slack would do: post their message into the
 * conversation, then send the app the signed slash command, event or block_actions interaction.
 */
export class UserActions {
  constructor(
    private readonly standin: SlackStandin,
    private readonly feed: ConversationFeed,
  ) {}

  /** A line typed into the message box of `channelId`. */
  async send(channelId: string, typed: string): Promise<void> {
    const channel = this.requireChannel(channelId);
    const composed = composeMessage(typed, this.standin.botUserId);
    switch (composed.kind) {
      case 'empty':
        return;
      case 'unknown-command':
        return this.slackbot(
          channelId,
          `\`${composed.command}\` is not a valid command here. Try \`${COMMAND} help\`.`,
        );
      case 'command':
        return this.command(channelId, composed.text);
      case 'message': {
        const posted = this.standin.addMessage(channelId, { user: SANDBOX_USER.id, text: composed.text });
        this.feed.flush(undefined);
        const base = { channel: channelId, user: SANDBOX_USER.id, text: composed.text, ts: posted.ts };
        // In a DM Slack sends message.im (as type 'message'), never app_mention; in a channel only a mention reaches the bot.
        if (channel.isIm)
          return this.event({ type: 'message', channel_type: 'im', ...base, event_ts: posted.ts });
        if (composed.mentionsBot) return this.event({ type: 'app_mention', ...base, event_ts: posted.ts });
        return this.slackbot(
          channelId,
          `The bot only sees messages that mention it: start with \`@${APP_NAME}\`, or use \`${COMMAND}\`.`,
        );
      }
    }
  }

  /** A button click or a select choice on the message `ts` in `channelId`. */
  async act(channelId: string, ts: string, action: BlockActionInput): Promise<void> {
    this.requireChannel(channelId);
    const message = this.standin.messages(channelId).find((m) => m.ts === ts);
    if (!message) throw new SandboxInputError(`no message ${ts} in ${channelId}`);
    const chosen = action.selected_option;
    const offered = chosen && findOfferedOption(message.blocks ?? [], action.action_id, chosen.value);
    const payload = this.standin.buildBlockActionsPayload(
      offered ? { ...action, selected_option: offered } : action,
      {
        channel: channelId,
        user: SANDBOX_USER.id,
        messageTs: ts,
      },
    );
    const result = await this.standin.sendInteraction(payload);
    if (result.status !== 200) this.appFailed(channelId, 'That action', result);
  }

  /** The ack body is Slack's to show: ephemeral unless the app asked for in_channel. */
  private async command(channelId: string, text: string): Promise<void> {
    const result = await this.standin.sendCommand(text, { channel_id: channelId, user_id: SANDBOX_USER.id });
    if (result.status !== 200) return this.appFailed(channelId, `\`${COMMAND}\``, result);
    const ack = ackBody(result);
    if (!ack) return;
    const inChannel = ack.response_type === 'in_channel';
    if (inChannel) {
      this.standin.addMessage(channelId, { user: SANDBOX_USER.id, text: `${COMMAND} ${text}`.trim() });
      this.feed.flush(undefined);
    }
    this.standin.addMessage(channelId, {
      user: this.standin.botUserId,
      bot_id: this.standin.botId,
      text: asString(ack.text),
      blocks: asArray(ack.blocks),
      attachments: asArray(ack.attachments),
      ephemeral: inChannel ? undefined : { user: SANDBOX_USER.id },
    });
    this.feed.flush(ack);
  }

  private async event(event: Record<string, unknown>): Promise<void> {
    const result = await this.standin.sendEvent(event);
    if (result.status !== 200) this.appFailed(String(event.channel), 'The event', result);
  }

  private appFailed(channelId: string, what: string, result: HttpResult): void {
    // Slack's wording: a 404 after 3 s means the app never acked.
    const reason = result.status === 404 ? 'operation_timeout' : `http_error (HTTP ${result.status})`;
    this.slackbot(channelId, `${what} failed with the error "${reason}".`);
  }

  private slackbot(channelId: string, text: string): void {
    this.standin.addMessage(channelId, { user: SLACKBOT.id, text, ephemeral: { user: SANDBOX_USER.id } });
    this.feed.flush(undefined);
  }

  private requireChannel(channelId: string) {
    const channel = this.standin.channel(channelId);
    if (!channel) throw new SandboxInputError(`unknown channel ${channelId}`);
    return channel;
  }
}

/** The ack body: JSON when Bolt sent an object, a plain string otherwise (shown as text); empty means none. */
function ackBody(result: HttpResult): Record<string, unknown> | undefined {
  if (result.body.trim() === '') return undefined;
  if ((result.headers['content-type'] ?? '').includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(result.body);
      if (isRecord(parsed)) return parsed;
    } catch {
      // Not JSON after all: Slack shows it as text, so do we.
    }
  }
  return { text: result.body };
}
