import type { Change } from '../registry/history/diff.js';
import type { Registry } from '../registry/schema.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { POLICY_ROWS, stateBadge } from './state-style.js';

/** One change as a line of mrkdwn, e.g. "*Multicluster*: Alpha → Beta (promoted)". Pure. */
export function describeChange(change: Change): string {
  switch (change.kind) {
    case 'added':
      return `*${escapeMrkdwn(change.feature.name)}*: added as ${stateBadge(change.feature.state)}`;
    case 'removed':
      return `*${escapeMrkdwn(change.feature.name)}*: removed (was ${change.feature.state})`;
    case 'state':
      return `*${escapeMrkdwn(change.feature.name)}*: ${change.from} → ${change.to} (${change.direction})`;
    case 'renamed':
      return `*${escapeMrkdwn(change.to)}*: renamed from “${escapeMrkdwn(change.from)}”`;
    case 'moved':
      return `*${escapeMrkdwn(change.feature.name)}*: moved from ${escapeMrkdwn(change.fromCategory)} to ${escapeMrkdwn(change.toCategory)}`;
    case 'policy': {
      const label = POLICY_ROWS.find((r) => r.key === change.field)?.label ?? change.field;
      return `*${change.state} ${label.toLowerCase()}* changed (affects ${change.affected.length} feature${change.affected.length === 1 ? '' : 's'})`;
    }
  }
}

/** What the new state promises, briefly: support and deprecation policy. Pure. */
export function promiseLine(change: Change, registry: Registry): string | undefined {
  switch (change.kind) {
    case 'added':
    case 'state': {
      const policy = registry.states[change.feature.state];
      return `Support: ${escapeMrkdwn(policy.support)} Deprecation: ${escapeMrkdwn(policy.deprecation_policy)}`;
    }
    case 'removed':
      return `Its ${change.feature.state} deprecation policy promised: ${escapeMrkdwn(change.policyBefore)}`;
    case 'policy':
      return `Now: ${escapeMrkdwn(change.after)}\nWas: ${escapeMrkdwn(change.before)}`;
    default:
      return undefined;
  }
}

/** A plain-text version of a change for `text` fallbacks. */
export function changeFallback(change: Change): string {
  return describeChange(change)
    .replace(/[*“”]/g, '')
    .replace(/:[a-z_]+: /g, '');
}
