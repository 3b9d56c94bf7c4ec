import type { Logger } from 'pino';
import { COMMAND } from '../render/slack/ids.js';
import { sha256 } from '../shared/hash.js';
import { DIGEST_HOUR, nextLocalHour } from '../shared/local-time.js';
import type { Store } from '../store/store.js';
import { isCompact, noticeSince } from './catch-up.js';

const BATCH = 50;

/**
 * Sends every scheduled digest that is due: for each, what its subscription follows that changed since the
 * last digest, as one notice (none when nothing did), queued in the same transaction that moves the digest on
 * to its next 09:00. Any replica may run it at any time: a digest another replica moved on first is left
 * alone, so each is queued once. A bot that was down over several 09:00s sends one digest for all of them.
 * Returns how many notices were queued.
 */
export async function releaseDueDigests(store: Store, log: Logger, now: number): Promise<number> {
  const due = await store.digests.due(BATCH, now);
  if (due.length === 0) return 0;
  const snapshot = await store.announcements.current();
  if (!snapshot?.registry) return 0;
  let queued = 0;
  for (const digest of due) {
    const { subscription } = digest;
    if (subscription.schedule === 'immediately') continue;
    const notice = noticeSince(digest.baseline, snapshot, [subscription], {
      compact: await isCompact(store, subscription.workspace, subscription.channelId),
      changeSetId: `digest-${sha256(`${subscription.id}/${digest.nextAt}`).slice(0, 40)}`,
      footer: `Your ${subscription.schedule} digest: every change since the last one. Change it with \`${COMMAND} subscriptions\``,
      summaryLead: `${subscription.schedule === 'daily' ? 'Daily' : 'Weekly'} digest`,
    });
    const nextAt = nextLocalHour(Math.max(now, digest.nextAt), digest.tz, DIGEST_HOUR, subscription.schedule);
    const moved = await store.digests.advance(
      subscription.id,
      digest.nextAt,
      { nextAt, baseline: snapshot.registry },
      notice,
      now,
    );
    if (!moved) continue;
    if (notice) queued++;
    log.info(
      {
        team: subscription.workspace.teamId,
        channel: subscription.channelId,
        digest: notice !== undefined,
        nextAt,
      },
      notice ? 'digest queued' : 'digest due; nothing changed since the last one',
    );
  }
  return queued;
}
