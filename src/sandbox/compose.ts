import { COMMAND } from '../render/slack/ids.js';
import { BOT_NAME } from './workspace.js';

/** What a line typed into the message box becomes, decided as Slack's client would. */
export type Composed =
  /** `/osm-feature …`: a slash command; `text` is what follows the command, Slack-escaped. */
  | { kind: 'command'; text: string }
  /** `/anything-else`: Slack answers that the command does not exist. */
  | { kind: 'unknown-command'; command: string }
  /** A message; `text` is the wire text (escaped, mentions as tokens); `mentionsBot` for app_mention. */
  | { kind: 'message'; text: string; mentionsBot: boolean }
  | { kind: 'empty' };

/**
 * Slack escapes `&`, `<` and `>` in what people type before any app sees it (should_escape is false for
 * the command, so nothing else is rewritten there). Pure.
 */
export function slackEscape(typed: string): string {
  return typed.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const BOT_MENTION = new RegExp(`(^|[^\\w@])@${BOT_NAME.replace(/[-.]/g, '\\$&')}(?![\\w-])`, 'gi');
const BROADCAST = /(^|[^\w@])@(here|channel|everyone)(?![\w-])/g;

/** Parses one typed line. `botUserId` becomes the `<@U…>` token Slack puts in the text for a mention. Pure. */
export function composeMessage(typed: string, botUserId: string): Composed {
  const trimmed = typed.trim();
  if (trimmed === '') return { kind: 'empty' };
  const command = /^(\/\S+)(?:\s+([\s\S]*))?$/.exec(trimmed);
  if (command) {
    const name = command[1] ?? '';
    if (name.toLowerCase() !== COMMAND) return { kind: 'unknown-command', command: name };
    return { kind: 'command', text: slackEscape((command[2] ?? '').trim()) };
  }
  let mentionsBot = false;
  const text = slackEscape(trimmed)
    .replace(BOT_MENTION, (_m, before: string) => {
      mentionsBot = true;
      return `${before}<@${botUserId}>`;
    })
    .replace(BROADCAST, (_m, before: string, word: string) => `${before}<!${word}>`);
  return { kind: 'message', text, mentionsBot };
}
