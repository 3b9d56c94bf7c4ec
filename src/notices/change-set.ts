import type { Change } from '../registry/history/diff.js';
import type { Registry } from '../registry/schema.js';
import type { SlackMessage } from '../render/slack/blocks.js';
import { COMMAND } from '../render/slack/ids.js';
import { noticeSummary, renderChangeNotice } from '../render/slack/notice.js';
import { sha256 } from '../shared/hash.js';
import type { Snapshot, Store, Subscription, WorkspaceRef } from '../store/store.js';
import { type RouteContext, routeChanges } from './route.js';

/** A registry as stored in the snapshot, and its identity. Comments and whitespace never reach the JSON. */
export interface RegistryFingerprint {
  hash: string;
  json: string;
}

/** The canonical JSON of a parsed registry and its sha256. Pure. */
export function registryFingerprint(registry: Registry): RegistryFingerprint {
  const json = JSON.stringify(registry);
  return { hash: sha256(json), json };
}

/**
 * The id of the change from `previous` (the stored snapshot, or none on first start) to `nextHash`.
 * Deterministic, so re-processing the same change (a second replica, a retry after a crash) commits
 * nothing twice: the store ignores a change-set id it has seen. The previous snapshot's announcedAt is
 * part of it because a registry can go A → B → A → B: the second A → B is a new change that must be
 * announced, and hashes alone would give it the first one's id. Pure.
 */
export function changeSetId(
  previous: Pick<Snapshot, 'hash' | 'announcedAt'> | undefined,
  nextHash: string,
): string {
  const from = previous ? `${previous.hash}@${previous.announcedAt}` : 'baseline';
  return `cs-${sha256(`${from}\n${nextHash}`).slice(0, 40)}`;
}

/** A channel of a workspace as one key. */
export const channelKey = (ws: WorkspaceRef, channelId: string): string => `${ws.teamId}/${channelId}`;

/** One channel's notice: the changes it gets and the message rendered for them. */
export interface ChannelNotice {
  workspace: WorkspaceRef;
  channelId: string;
  changes: Change[];
  message: SlackMessage;
  /** What changed, in one line, for the delivery log. */
  summary: string;
}

const FOOTER = `Change what this channel gets with \`${COMMAND} subscriptions\``;

/**
 * One notice per channel with at least one matching change: a digest of every change that any of its
 * subscriptions matches, rendered against the new registry. Pure.
 */
export function buildChannelNotices(
  changes: readonly Change[],
  subscriptions: readonly Subscription[],
  ctx: RouteContext,
  footer: string = FOOTER,
  /** Channels (`team/channel`) that chose compact notices. */
  compact: ReadonlySet<string> = new Set(),
): ChannelNotice[] {
  const notices: ChannelNotice[] = [];
  // A thousand channels usually share a handful of distinct digests: render each one once.
  const rendered = new Map<string, { message: SlackMessage; summary: string }>();
  for (const { workspace, channelId, changes: routed } of routeChanges(changes, subscriptions, ctx)) {
    const short = compact.has(channelKey(workspace, channelId));
    const key = `${short ? 'c' : 'f'}:${routed.map((c) => changes.indexOf(c)).join(',')}`;
    let notice = rendered.get(key);
    if (!notice) {
      notice = {
        message: renderChangeNotice(routed, ctx.after, { footer, compact: short }),
        summary: noticeSummary(routed),
      };
      rendered.set(key, notice);
    }
    notices.push({ workspace, channelId, changes: routed, ...notice });
  }
  return notices;
}

/** The channels, of every workspace, that chose compact notices (`settings format compact`). */
export async function compactChannels(store: Store): Promise<Set<string>> {
  const chosen = await store.settings.channelsWith('format');
  return new Set(
    chosen.filter((c) => c.value === 'compact').map((c) => channelKey(c.workspace, c.channelId)),
  );
}
