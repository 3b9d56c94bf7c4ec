import type { Change } from '../../registry/history/diff.js';
import type { Registry } from '../../registry/schema.js';
import type { Markup } from '../markup.js';
import { POLICY_ROWS } from './policy-rows.js';

/** One change as a line, e.g. "*Multicluster*: Alpha → Beta (promoted)" in Slack. Pure. */
export function describeChange(change: Change, m: Markup): string {
  switch (change.kind) {
    case 'added':
      return `${m.bold(m.text(change.feature.name))}: added as ${m.state(change.feature.state)}`;
    case 'removed':
      return `${m.bold(m.text(change.feature.name))}: removed (was ${change.feature.state})`;
    case 'state':
      return `${m.bold(m.text(change.feature.name))}: ${change.from} → ${change.to} (${change.direction})`;
    case 'renamed':
      return `${m.bold(m.text(change.to))}: renamed from ${m.quote(m.text(change.from))}`;
    case 'moved':
      return `${m.bold(m.text(change.feature.name))}: moved from ${m.text(change.fromCategory)} to ${m.text(change.toCategory)}`;
    case 'policy': {
      const label = POLICY_ROWS.find((r) => r.key === change.field)?.label ?? change.field;
      const n = change.affected.length;
      return `${m.bold(`${change.state} ${label.toLowerCase()}`)} changed (affects ${n} feature${n === 1 ? '' : 's'})`;
    }
    case 'guarantee-ended':
      return `${m.bold(m.text(change.feature.name))}: ${change.state} guarantee ended (${change.state} since ${change.since}, supported through at least ${change.until}; the registry now describes ${change.release})`;
  }
}

/** What the new state promises, briefly: support and deprecation policy. Pure. */
export function promiseLine(change: Change, states: Registry['states'], m: Markup): string | undefined {
  switch (change.kind) {
    case 'added':
    case 'state': {
      const policy = states[change.feature.state];
      return `Support: ${m.text(policy.support)} Deprecation: ${m.text(policy.deprecation_policy)}`;
    }
    case 'removed':
      return `Its ${change.feature.state} deprecation policy promised: ${m.text(change.policyBefore)}`;
    case 'policy':
      return `Now: ${m.text(change.after)}\nWas: ${m.text(change.before)}`;
    case 'guarantee-ended': {
      const notice = change.promises.includes('advance-notice') ? ', but only with advance notice' : '';
      return `What it means: the releases the ${change.state} policy promised are over, so it may now be deprecated${notice}. The policy: ${m.text(change.policy)}`;
    }
    default:
      return undefined;
  }
}
