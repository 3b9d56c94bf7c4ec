import type { Logger } from 'pino';
import { diffRegistries } from '../registry/history/diff.js';
import type { SourceVersion } from '../registry/provider.js';
import type { Registry } from '../registry/schema.js';
import type { Snapshot, Store, Subscription } from '../store/store.js';
import { buildChannelNotices, changeSetId, compactChannels, registryFingerprint } from './change-set.js';
import { announcementOf } from './last-announcement.js';

export type AnnounceOutcome =
  /** First start (or an unreadable snapshot): the registry is recorded, nothing is announced. */
  | { kind: 'baseline'; changeSetId: string }
  /** Same registry as the snapshot: nothing to do (a restart, a comment edit, another replica was first). */
  | { kind: 'unchanged' }
  /** Snapshot and outbox rows written in one transaction; `queued` is 0 when no channel is subscribed. */
  | { kind: 'committed'; changeSetId: string; changes: number; queued: number }
  /**
   * The source gives a version that was announced before the current one, and this replica never saw the
   * current one come and go: its source is behind (a replica with an older file). Nothing is announced.
   */
  | { kind: 'behind' }
  /** Another replica is turning a change into a change-set right now: try again shortly. */
  | { kind: 'busy' };

export interface AnnouncerOptions {
  store: Store;
  log: Logger;
  /** This replica's name on the announcer lease. */
  worker: string;
  now?: () => number;
  /** How long the announcer lease lasts if its holder dies mid-commit (default 30 s). */
  leaseMs?: number;
}

const LEASE = 'announcer';
/** Commits that lost a race are diffed again from the new snapshot this many times before giving up. */
const MAX_RACES = 5;

/**
 * Turns a new good registry into a change-set: diffs it against the stored snapshot and writes the new
 * snapshot plus one outbox row per notified channel in ONE transaction, before anything is sent. Exactly
 * one replica does it at a time (a lease), and the commit is a compare-and-set against the snapshot it
 * diffed from, so two replicas seeing one edit commit it once and a replica whose source is behind can never
 * announce a revert.
 */
export class Announcer {
  private readonly now: () => number;
  /** The last version this replica's own source gave (undefined before the first). */
  private lastSourceHash: string | undefined;

  constructor(private readonly opts: AnnouncerOptions) {
    this.now = opts.now ?? Date.now;
  }

  /**
   * Offers the registry this replica's source now gives. Rejects when the store fails (a full disk, the
   * database down): nothing is committed, and the same offer can simply be made again.
   */
  async offer(registry: Registry, source: SourceVersion = {}): Promise<AnnounceOutcome> {
    const { store, worker } = this.opts;
    if (!(await store.leases.acquire(LEASE, worker, this.opts.leaseMs ?? 30_000, this.now())))
      return { kind: 'busy' };
    try {
      const outcome = await this.commitRaces(registry, source);
      this.lastSourceHash = registryFingerprint(registry).hash;
      return outcome;
    } finally {
      await store.leases.release(LEASE, worker).catch(() => undefined);
    }
  }

  private async commitRaces(registry: Registry, source: SourceVersion): Promise<AnnounceOutcome> {
    for (let race = 0; race < MAX_RACES; race++) {
      const outcome = await this.commitOnce(registry, source);
      if (outcome) return outcome;
    }
    return { kind: 'busy' };
  }

  /** One attempt; undefined when another writer moved the snapshot first (diff again). */
  private async commitOnce(registry: Registry, source: SourceVersion): Promise<AnnounceOutcome | undefined> {
    const { store, log } = this.opts;
    const next = registryFingerprint(registry);
    const snapshot = await store.announcements.current();
    if (snapshot?.hash === next.hash) return { kind: 'unchanged' };
    if (snapshot && (await this.isBehind(snapshot, next.hash, source))) {
      log.warn(
        { source: next.hash.slice(0, 12), announced: snapshot.hash.slice(0, 12) },
        'this replica reads an older registry than the one announced; serving the announced one',
      );
      return { kind: 'behind' };
    }
    const id = changeSetId(snapshot, next.hash);
    const expectedHash = snapshot?.hash ?? null;
    const before = snapshot?.registry;
    if (!before) {
      if (snapshot)
        log.warn(
          { hash: snapshot.hash },
          'stored snapshot does not fit the schema; recording a new baseline',
        );
      const result = await store.announcements.commit({
        changeSetId: id,
        expectedHash,
        snapshot: { hash: next.hash, registry },
        notices: [],
      });
      if (result.kind === 'stale') return undefined;
      if (result.kind === 'committed')
        log.info({ changeSetId: id }, 'registry baseline recorded; nothing announced');
      return result.kind === 'committed' ? { kind: 'baseline', changeSetId: id } : { kind: 'unchanged' };
    }
    const changes = diffRegistries(before, registry);
    // Reordering, spacing or an edited summary changes the hash but not the diff: the snapshot still moves on.
    const notices =
      changes.length === 0
        ? []
        : buildChannelNotices(
            changes,
            await this.unmutedSubscriptions(),
            { before, after: registry },
            undefined,
            await compactChannels(store),
          );
    const announcement = announcementOf(changes, this.now());
    const result = await store.announcements.commit({
      changeSetId: id,
      expectedHash,
      snapshot: { hash: next.hash, registry },
      notices: notices.map((n) => ({
        workspace: n.workspace,
        channelId: n.channelId,
        payload: n.message,
        summary: n.summary,
      })),
      ...(announcement ? { announcement } : {}),
    });
    if (result.kind === 'stale') return undefined;
    if (result.kind === 'repeat') return { kind: 'unchanged' };
    log.info(
      { changeSetId: id, changes: changes.length, queued: result.queued },
      'registry change committed to the outbox',
    );
    return { kind: 'committed', changeSetId: id, changes: changes.length, queued: result.queued };
  }

  /**
   * Every active subscription notified at each change: not those of muted channels (their catch-up comes
   * when the mute ends), nor those on a digest schedule (their digest comes at 09:00).
   */
  private async unmutedSubscriptions(): Promise<Subscription[]> {
    const { store } = this.opts;
    const [all, muted] = await Promise.all([
      store.subscriptions.listActive(),
      store.mutes.active(this.now()),
    ]);
    const subscriptions = all.filter((s) => s.schedule === 'immediately');
    if (muted.length === 0) return subscriptions;
    const quiet = new Set(muted.map((m) => `${m.workspace.teamId}/${m.channelId}`));
    return subscriptions.filter((s) => !quiet.has(`${s.workspace.teamId}/${s.channelId}`));
  }

  /**
   * The source gives a version announced before the current snapshot. That is a real revert when this
   * replica's own source moved from the current snapshot to it, or when the source was changed after the
   * snapshot was announced (a revert saved while the bot was down). Otherwise the source is behind: an older
   * file baked into an older image, a replica that has not seen the new version yet.
   */
  private async isBehind(snapshot: Snapshot, nextHash: string, source: SourceVersion): Promise<boolean> {
    if (this.lastSourceHash === snapshot.hash) return false;
    if (source.modifiedAt !== undefined && source.modifiedAt > snapshot.announcedAt) return false;
    return this.opts.store.announcements.wasCommitted(nextHash);
  }
}
