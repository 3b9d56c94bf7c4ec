import type { Logger } from 'pino';
import { diffRegistries } from '../registry/history/diff.js';
import type { Registry } from '../registry/schema.js';
import type { Store } from '../store/store.js';
import {
  buildChannelNotices,
  changeSetId,
  encodePayload,
  registryFingerprint,
  snapshotRegistry,
} from './change-set.js';
import { recordLastAnnouncement } from './last-announcement.js';

export type RecordOutcome =
  /** First start (or an unreadable snapshot): the registry is recorded, nothing is announced. */
  | { kind: 'baseline'; changeSetId: string }
  /** Same registry as the snapshot: nothing to do (a restart, a comment edit). */
  | { kind: 'unchanged' }
  /** Snapshot and outbox rows written in one transaction; `queued` is 0 for a repeat or no subscriber. */
  | { kind: 'committed'; changeSetId: string; changes: number; queued: number };

/**
 * Records a new good registry: diffs it against the stored snapshot and writes the new snapshot plus one
 * outbox row per notified channel in ONE transaction, before anything is sent. A crash before the commit
 * leaves the old snapshot, so the change is found again at the next start; a crash after it leaves rows
 * that the sender drains. Synchronous, so two registry events cannot interleave.
 */
export function recordRegistryVersion(
  store: Store,
  registry: Registry,
  log: Logger,
  now: () => number = Date.now,
): RecordOutcome {
  const next = registryFingerprint(registry);
  const snapshot = store.getSnapshot();
  if (snapshot?.hash === next.hash) return { kind: 'unchanged' };
  const id = changeSetId(snapshot, next.hash);
  const before = snapshot ? snapshotRegistry(snapshot) : undefined;
  if (!before) {
    if (snapshot)
      log.warn({ hash: snapshot.hash }, 'stored snapshot does not fit the schema; recording a new baseline');
    store.commitChangeSet({
      changeSetId: id,
      snapshot: { hash: next.hash, registryJson: next.json },
      notices: [],
    });
    log.info({ changeSetId: id }, 'registry baseline recorded; nothing announced');
    return { kind: 'baseline', changeSetId: id };
  }
  const changes = diffRegistries(before, registry);
  // Reordering, spacing or an edited summary changes the hash but not the diff: the snapshot still moves on.
  const notices =
    changes.length === 0
      ? []
      : buildChannelNotices(changes, store.listSubscriptions(), { before, after: registry });
  const queued = store.commitChangeSet({
    changeSetId: id,
    snapshot: { hash: next.hash, registryJson: next.json },
    notices: notices.map((n) => ({ channelId: n.channelId, payloadJson: encodePayload(n.message) })),
  });
  if (queued > 0 || changes.length > 0) recordLastAnnouncement(store, changes, now());
  log.info({ changeSetId: id, changes: changes.length, queued }, 'registry change committed to the outbox');
  return { kind: 'committed', changeSetId: id, changes: changes.length, queued };
}
