import { type Registry, STATE_NAMES, type StateName, type StatePolicy } from '../registry/schema.js';
import { escapeMrkdwn } from './mrkdwn.js';

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

/** A state's whole promise as mrkdwn, one labelled paragraph per row of the page's table. */
export function policyText(policy: StatePolicy): string {
  return POLICY_ROWS.map((row) => `*${row.label}*\n${escapeMrkdwn(policy[row.key])}`).join('\n\n');
}

/** "✅ Stable: *21*" for each state, in promotion order; `bold` marks the numbers. */
export function stateCountParts(registry: Registry, bold = true): string[] {
  return STATE_NAMES.map((s) => {
    const n = registry.features.filter((f) => f.state === s).length;
    return `${stateBadge(s)}: ${bold ? `*${n}*` : n}`;
  });
}
