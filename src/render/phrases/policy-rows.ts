import type { StatePolicy } from '../../registry/schema.js';
import type { Markup } from '../markup.js';

/** The policy rows in the order the Feature Lifecycle page gives them, with their labels. */
export const POLICY_ROWS: readonly { key: keyof StatePolicy; label: string }[] = [
  { key: 'definition', label: 'Definition' },
  { key: 'stability', label: 'Stability' },
  { key: 'support', label: 'Support' },
  { key: 'deprecation_policy', label: 'Deprecation policy' },
  { key: 'documentation', label: 'Documentation' },
];

/** A state's whole promise, one labelled paragraph per row of the page's table. Pure. */
export function policyParagraphs(policy: StatePolicy, m: Markup): string {
  return POLICY_ROWS.map((row) => `${m.bold(row.label)}\n${m.text(policy[row.key])}`).join('\n\n');
}
