/**
 * The emoji shortcodes the bot uses (state badges, welcome, guarantee and note lines), plus a few common
 * ones people type. Anything else stays as its `:shortcode:` text, which is also what Slack shows for an
 * emoji it does not know.
 */
export const EMOJI: Readonly<Record<string, string>> = {
  test_tube: '🧪',
  large_blue_diamond: '🔷',
  white_check_mark: '✅',
  wave: '👋',
  shield: '🛡️',
  memo: '📝',
  warning: '⚠️',
  bell: '🔔',
  no_bell: '🔕',
  x: '❌',
  information_source: 'ℹ️',
  mag: '🔍',
  tada: '🎉',
  rotating_light: '🚨',
  thumbsup: '👍',
  '+1': '👍',
  eyes: '👀',
  books: '📚',
  link: '🔗',
};

/** Replaces known `:shortcode:`s in already-escaped HTML text with an emoji carrying its name. Pure. */
export function emojiHtml(html: string): string {
  return html.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => {
    const emoji = EMOJI[name];
    if (!Object.hasOwn(EMOJI, name) || emoji === undefined) return whole;
    return `<span class="mk-emoji" role="img" aria-label="${name.replaceAll('_', ' ')}" title=":${name}:">${emoji}</span>`;
  });
}

/** Known `:shortcode:`s replaced by the emoji alone, for places that take no markup (select options). Pure. */
export function emojiPlain(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) =>
    Object.hasOwn(EMOJI, name) ? (EMOJI[name] ?? whole) : whole,
  );
}
