import { INVISIBLE_CHARS } from '../../intents/text.js';
import type { StateName } from '../../registry/schema.js';
import { type EmojiName, type Markup, STATE_EMOJI_NAME } from '../markup.js';

const EMOJI: Readonly<Record<EmojiName, string>> = {
  test_tube: '🧪',
  large_blue_diamond: '🔷',
  white_check_mark: '✅',
  shield: '🛡️',
  memo: '📝',
  wave: '👋',
  warning: '⚠️',
  bell: '🔔',
  no_bell: '🔕',
  information_source: 'ℹ️',
};

/** Terminal text: no markers, real emoji, links as "label (url)". Control characters never reach a terminal. */
export const TERMINAL_MARKUP: Markup = {
  text: (raw) => raw.replace(INVISIBLE_CHARS, ''),
  echo: (raw, max = 80) => {
    const cleaned = raw.replace(INVISIBLE_CHARS, '').trim();
    return cleaned.length > max ? `${[...cleaned].slice(0, max - 1).join('')}…` : cleaned;
  },
  bold: (marked) => marked,
  italic: (marked) => marked,
  code: (raw) => raw,
  quote: (marked) => `“${marked}”`,
  link: (url, label) => (label && label !== url ? `${label} (${url})` : url),
  emoji: (name) => EMOJI[name],
  state: (state: StateName) => `${EMOJI[STATE_EMOJI_NAME[state]]} ${state}`,
};
