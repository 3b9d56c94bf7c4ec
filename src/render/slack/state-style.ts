import { STATE_NAMES, type StateName } from '../../registry/schema.js';
import { STATE_EMOJI_NAME } from '../markup.js';

/** One distinct emoji per state, as Slack short names. */
export const STATE_EMOJI: Readonly<Record<StateName, string>> = {
  Alpha: `:${STATE_EMOJI_NAME.Alpha}:`,
  Beta: `:${STATE_EMOJI_NAME.Beta}:`,
  Stable: `:${STATE_EMOJI_NAME.Stable}:`,
};

export function stateBadge(state: StateName): string {
  return `${STATE_EMOJI[state]} ${state}`;
}

/** "✅ Stable: *21*" for each state, in promotion order; `bold` marks the numbers. */
export function stateCountParts(counts: Readonly<Record<StateName, number>>, bold = true): string[] {
  return STATE_NAMES.map((s) => `${stateBadge(s)}: ${bold ? `*${counts[s]}*` : counts[s]}`);
}
