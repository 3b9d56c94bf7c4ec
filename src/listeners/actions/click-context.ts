import type {
  AllMiddlewareArgs,
  BlockAction,
  BlockElementAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import type { Logger } from 'pino';
import type { ListenerDeps } from '../deps.js';

/** What a button handler receives. */
export type ButtonClick = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
/** What a static_select handler receives. */
export type SelectChoice = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs;

/** A child logger for one click, with who clicked what where. */
export function clickLog(
  deps: ListenerDeps,
  body: BlockAction<BlockElementAction>,
  actionId: string,
): Logger {
  return deps.log.child({
    kind: 'block_actions',
    action: actionId,
    team: body.team?.id,
    user: body.user.id,
    channel: body.channel?.id,
  });
}

/**
 * Whether the clicked message was ephemeral (a slash command answer). Slack sends no `message` for those,
 * and they can only be changed through the payload's response_url.
 */
export function fromEphemeral(body: BlockAction<BlockElementAction>): boolean {
  return body.container.is_ephemeral === true;
}
