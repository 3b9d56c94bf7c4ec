import type { ChannelSpec } from '@osm-feature-bot/slack-standin';

/** The person using the sandbox page. */
export const SANDBOX_USER = { id: 'U0USER', name: 'You' } as const;

/** Slackbot speaks for Slack itself: failed commands and tips. */
export const SLACKBOT = { id: 'USLACKBOT', name: 'Slackbot' } as const;

/** The bot's display name, as typed after @ and shown on its messages. */
export const BOT_NAME = 'osm-feature';

export const GENERAL_CHANNEL = 'C0GENERAL';
/** Subscribed to every registry change when the sandbox starts. */
export const ANNOUNCE_CHANNEL = 'C0ANNOUNCE';
export const BOT_DM_CHANNEL = 'D0BOTDM';

/** The sandbox workspace: two channels and a DM with the bot. Ids pass NOTICE_CHANNELS' pattern. */
export const SANDBOX_CHANNELS: readonly ChannelSpec[] = [
  { id: GENERAL_CHANNEL, name: 'general', isMember: true },
  { id: ANNOUNCE_CHANNEL, name: 'osm-announcements', isMember: true },
  { id: BOT_DM_CHANNEL, name: SANDBOX_USER.id, isIm: true, isMember: true, user: SANDBOX_USER.id },
];
