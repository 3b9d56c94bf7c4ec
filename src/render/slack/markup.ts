import type { StateName } from '../../registry/schema.js';
import { type EmojiName, type Markup, STATE_EMOJI_NAME } from '../markup.js';
import { escapeMrkdwn, link, quoteUserText } from './mrkdwn.js';

const emoji = (name: EmojiName): string => `:${name}:`;

/** Slack mrkdwn: escaped text, *bold*, _italic_, `code`, <url|label> links, :emoji: short names. */
export const SLACK_MARKUP: Markup = {
  text: escapeMrkdwn,
  echo: (raw, max) => quoteUserText(raw, max),
  bold: (marked) => `*${marked}*`,
  italic: (marked) => `_${marked}_`,
  code: (raw) => `\`${raw}\``,
  quote: (marked) => `“${marked}”`,
  link,
  emoji,
  state: (state: StateName) => `${emoji(STATE_EMOJI_NAME[state])} ${state}`,
};

/**
 * A Slack message's `text` fallback (notifications, screen readers): escaped like mrkdwn, since Slack parses
 * it the same way, but without emphasis, emoji or quotes.
 */
export const SLACK_FALLBACK: Markup = {
  ...SLACK_MARKUP,
  bold: (marked) => marked,
  italic: (marked) => marked,
  code: (raw) => raw,
  quote: (marked) => marked,
  emoji: () => '',
  state: (state) => state,
};
