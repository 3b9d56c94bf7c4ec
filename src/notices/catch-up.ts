import type { Logger } from 'pino';
import { diffRegistries } from '../registry/history/diff.js';
import type { Registry } from '../registry/schema.js';
import { COMMAND } from '../render/slack/ids.js';
import { sha256 } from '../shared/hash.js';
import type {
  CatchUpNotice,
  ChannelMute,
  Snapshot,
  Store,
  Subscription,
  WorkspaceRef,
} from '../store/store.js';
import { buildChannelNotices, channelKey } from './change-set.js';

const CATCH_UP_FOOTER = `Catch-up: everything this channel follows that changed while it was muted. Change what it gets with \`${COMMAND} subscriptions\``;
/** Ended mutes handled per pass; more wait for the next. */
const BATCH = 50;

/** The catch-up's change-set id: one per mute (a channel, and when its mute began). */
function catchUpId(mute: Pick<ChannelMute, 'workspace' | 'channelId' | 'mutedAt'>): string {
  return `mute-${sha256(`${mute.workspace.teamId}/${mute.channelId}/${mute.mutedAt}`).slice(0, 40)}`;
}

/** Whether a channel chose compact notices. */
export async function isCompact(store: Store, ws: WorkspaceRef, channelId: string): Promise<boolean> {
  const settings = await store.settings.list(ws, { channelId });
  return settings.some((s) => s.name === 'format' && s.value === 'compact');
}

/** How a notice made outside a change-set is told apart: its id, footer and summary's first words. */
export interface NoticeLabel {
  changeSetId: string;
  footer: string;
  summaryLead: string;
  /** The channel chose compact notices. */
  compact?: boolean;
}

/**
 * One notice of what changed from `baseline` to the announced snapshot, as far as `subscriptions` (of one
 * channel) follow it; none when nothing they follow changed. Pure.
 */
export function noticeSince(
  baseline: Registry | undefined,
  snapshot: Snapshot | undefined,
  subscriptions: readonly Subscription[],
  label: NoticeLabel,
): CatchUpNotice | undefined {
  const after = snapshot?.registry;
  if (!snapshot || !after || !baseline) return undefined;
  const changes = diffRegistries(baseline, after);
  if (changes.length === 0) return undefined;
  const compact = new Set(
    label.compact ? subscriptions.map((s) => channelKey(s.workspace, s.channelId)) : [],
  );
  const [notice] = buildChannelNotices(
    changes,
    subscriptions,
    { before: baseline, after },
    label.footer,
    compact,
  );
  if (!notice) return undefined;
  return {
    changeSetId: label.changeSetId,
    snapshotHash: snapshot.hash,
    payload: notice.message,
    summary: `${label.summaryLead}: ${notice.summary}`,
  };
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
  if (!snapshot?.registry || !mute.baseline) return undefined;
  const subscriptions = await store.subscriptions.list(mute.workspace, { channelId: mute.channelId });
  return noticeSince(mute.baseline, snapshot, subscriptions, {
    compact: await isCompact(store, mute.workspace, mute.channelId),
    changeSetId: catchUpId(mute),
    footer: CATCH_UP_FOOTER,
    summaryLead: 'Catch-up after a mute',
  });
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
