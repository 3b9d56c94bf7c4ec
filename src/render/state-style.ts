import type { StateName, StatePolicy } from '../registry/schema.js';

/** One distinct emoji per state, so a state can be told apart at a glance. */
export const STATE_EMOJI: Readonly<Record<StateName, string>> = {
  Alpha: ':test_tube:',
  Beta: ':large_blue_diamond:',
  Stable: ':white_check_mark:',
};

export function stateBadge(state: StateName): string {
  return `${STATE_EMOJI[state]} ${state}`;
}

/** The policy rows in the order the Feature Lifecycle page gives them, with their labels. */
export const POLICY_ROWS: readonly { key: keyof StatePolicy; label: string }[] = [
  { key: 'definition', label: 'Definition' },
  { key: 'stability', label: 'Stability' },
  { key: 'support', label: 'Support' },
  { key: 'deprecation_policy', label: 'Deprecation policy' },
  { key: 'documentation', label: 'Documentation' },
];
