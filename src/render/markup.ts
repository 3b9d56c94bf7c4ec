import type { StateName } from '../registry/schema.js';

/** The emoji the answers use, by their Slack short names. */
export type EmojiName =
  | 'test_tube'
  | 'large_blue_diamond'
  | 'white_check_mark'
  | 'shield'
  | 'memo'
  | 'wave'
  | 'warning'
  | 'bell'
  | 'no_bell'
  | 'information_source';

/**
 * How a surface marks up the shared phrases: Slack mrkdwn, plain terminal text, or the plain fallback text
 * of a Slack message. Arguments to `bold`, `italic` and `quote` are already marked up; `text` takes raw
 * registry or user text and makes it safe for the surface.
 */
export interface Markup {
  text(raw: string): string;
  /** User text echoed back: shortened, control characters dropped, made safe. */
  echo(raw: string, max?: number): string;
  bold(marked: string): string;
  italic(marked: string): string;
  code(raw: string): string;
  /** “quoted” words. */
  quote(marked: string): string;
  link(url: string, label: string): string;
  emoji(name: EmojiName): string;
  /** A state with its badge, e.g. "🧪 Alpha". */
  state(state: StateName): string;
}

/** One distinct emoji per state, so a state can be told apart at a glance. */
export const STATE_EMOJI_NAME: Readonly<Record<StateName, EmojiName>> = {
  Alpha: 'test_tube',
  Beta: 'large_blue_diamond',
  Stable: 'white_check_mark',
};
