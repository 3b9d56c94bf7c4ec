import type { Announcement } from '../registry/history/announcement.js';
import type { Change } from '../registry/history/diff.js';
import { describeChange } from '../render/phrases/changes.js';
import { SLACK_FALLBACK } from '../render/slack/markup.js';

/** A one-line summary of a change-set, e.g. "Multicluster: Alpha → Beta (promoted); and 2 more". Pure. */
export function summarizeChanges(changes: readonly Change[]): string {
  const shown = changes
    .slice(0, 3)
    .map((c) => describeChange(c, SLACK_FALLBACK))
    .join('; ');
  return changes.length > 3 ? `${shown}; and ${changes.length - 3} more` : shown;
}

/** The Home tab's "last change announced" for a change-set, or undefined when it announced nothing. */
export function announcementOf(changes: readonly Change[], at: number): Announcement | undefined {
  return changes.length === 0 ? undefined : { at, summary: summarizeChanges(changes) };
}
