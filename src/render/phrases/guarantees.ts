import type { FeatureGuarantee } from '../../registry/history/guarantee-status.js';
import type { Markup } from '../markup.js';
import { guaranteeText } from './guarantee.js';

/** One feature's guarantee as of the current release, as a list line. Pure. */
export function guaranteeLine(g: FeatureGuarantee, m: Markup): string {
  const name = m.bold(m.text(g.feature.name));
  const since = g.since ? ` since ${g.since}` : '';
  const where = `${name} (${g.feature.state}${since})`;
  switch (g.standing.kind) {
    case 'ended': {
      const notice =
        g.guarantee.kind === 'through' && g.guarantee.promises.includes('advance-notice')
          ? ', with advance notice'
          : '';
      return `• ${where}: guarantee ended after ${g.standing.until}; it may now be deprecated${notice}`;
    }
    case 'running': {
      const left =
        g.standing.left <= 0
          ? 'this is the last promised release'
          : `${g.standing.left} more minor release${g.standing.left === 1 ? '' : 's'}`;
      return `• ${where}: supported through at least ${g.standing.until} (${left})`;
    }
    case 'uncounted':
      return `• ${where}: ${m.text(guaranteeText(g.guarantee))}`;
  }
}

/** The list's lead: as of which release, and how many guarantees have ended. Pure. */
export function guaranteesLead(guarantees: readonly FeatureGuarantee[], release: string | undefined): string {
  const ended = guarantees.filter((g) => g.standing.kind === 'ended').length;
  const asOf = release ? `as of ${release}` : 'today (the registry names no current release)';
  return `Every feature’s guarantee ${asOf}, soonest to end first${ended > 0 ? `; ${ended} ended` : ''}.`;
}
