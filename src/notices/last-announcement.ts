import { z } from 'zod';
import type { Change } from '../registry/history/diff.js';
import { describeChange } from '../render/phrases/changes.js';
import type { LastAnnouncement } from '../render/slack/home.js';
import { SLACK_FALLBACK } from '../render/slack/markup.js';
import type { Store } from '../store/store.js';

/** The store meta key for the last change announced: JSON `{ at, summary }`, shown on the Home tab. */
export const LAST_ANNOUNCEMENT_KEY = 'last_announcement';

export const LastAnnouncementSchema = z.object({
  at: z.number().int().nonnegative(),
  summary: z.string().trim().min(1),
}) satisfies z.ZodType<LastAnnouncement>;

/** A one-line summary of a change-set, e.g. "Multicluster: Alpha → Beta (promoted); 2 more". Pure. */
export function summarizeChanges(changes: readonly Change[]): string {
  const shown = changes
    .slice(0, 3)
    .map((c) => describeChange(c, SLACK_FALLBACK))
    .join('; ');
  return changes.length > 3 ? `${shown}; and ${changes.length - 3} more` : shown;
}

/** Remembers the change-set just committed as the last announcement. */
export function recordLastAnnouncement(store: Store, changes: readonly Change[], at: number): void {
  if (changes.length === 0) return;
  store.setMeta(LAST_ANNOUNCEMENT_KEY, JSON.stringify({ at, summary: summarizeChanges(changes) }));
}
