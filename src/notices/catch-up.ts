import type { Logger } from 'pino';
import { diffRegistries } from '../registry/history/diff.js';
import { COMMAND } from '../render/slack/ids.js';
import { sha256 } from '../shared/hash.js';
import type { CatchUpNotice, ChannelMute, Snapshot, Store } from '../store/store.js';
import { buildChannelNotices } from './change-set.js';

const CATCH_UP_FOOTER = `Catch-up: everything this channel follows that changed while it was muted. Change what it gets with \`${COMMAND} subscriptions\``;
/** Ended mutes handled per pass; more wait for the next. */
const BATCH = 50;

/** The catch-up's change-set id: one per mute (a channel, and when its mute began). */
function catchUpId(mute: Pick<ChannelMute, 'workspace' | 'channelId' | 'mutedAt'>): string {
  return `mute-${sha256(`${mute.workspace.teamId}/${mute.channelId}/${mute.mutedAt}`).slice(0, 40)}`;
}

/**
 * The one notice a mute's end owes its channel: what changed from the registry when the mute began to the
 * one announced now, as far as the channel's subscriptions follow it; none when nothing they follow changed.
 */
export async function catchUpFor(
  store: Store,
  mute: ChannelMute,
  snapshot: Snapshot | undefined,
): Promise<CatchUpNotice | undefined> {
  const after = snapshot?.registry;
  if (!snapshot || !after || !mute.baseline) return undefined;
  const changes = diffRegistries(mute.baseline, after);
  if (changes.length === 0) return undefined;
  const subscriptions = await store.subscriptions.list(mute.workspace, { channelId: mute.channelId });
  const [notice] = buildChannelNotices(
    changes,
    subscriptions,
    { before: mute.baseline, after },
    CATCH_UP_FOOTER,
  );
  if (!notice) return undefined;
  return {
    changeSetId: catchUpId(mute),
    snapshotHash: snapshot.hash,
    payload: notice.message,
    summary: `Catch-up after a mute: ${notice.summary}`,
  };
}

/**
 * Closes every mute that has ended, each with its one catch-up notice queued in the same transaction.
 * Any replica may run it at any time: a mute closed by another (or extended meanwhile) is left alone, so
 * each catch-up is queued once. Returns how many notices were queued.
 */
export async function releaseEndedMutes(store: Store, log: Logger, now: number): Promise<number> {
  const ended = await store.mutes.ended(BATCH, now);
  if (ended.length === 0) return 0;
  const snapshot = await store.announcements.current();
  let queued = 0;
  for (const mute of ended) {
    const notice = await catchUpFor(store, mute, snapshot);
    if (!(await store.mutes.finish(mute, notice, now))) continue;
    if (notice) queued++;
    log.info(
      { team: mute.workspace.teamId, channel: mute.channelId, catchUp: notice !== undefined },
      notice ? 'mute ended; catch-up notice queued' : 'mute ended; nothing changed meanwhile',
    );
  }
  return queued;
}
