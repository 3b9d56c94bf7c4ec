import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxSender } from '../../../src/notices/sender.js';
import type {
  HistoryMessage,
  NoticeSlack as OutboxSenderSlack,
  PostRequest,
  SenderEvent,
  SenderTuning,
} from '../../../src/notices/sender-types.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite/open-sqlite.js';
import type { WorkspaceRef } from '../../../src/store/store.js';
import { realRegistry } from '../../harness/registry-fixtures.js';

const log = pino({ level: 'silent' });
const FAST: Partial<SenderTuning> = {
  concurrency: 10,
  pacer: {
    perChannelMs: 30,
    windowMs: 30,
    marginMs: 0,
    forgetAfterMs: 60_000,
    recheckMs: 10,
    holdMs: 5_000,
    probeInFlight: 10,
    minBudget: 2,
  },
  backoff: { baseMs: 5, factor: 2, maxMs: 20, maxAttempts: 3 },
  pollMs: 20,
  stopTimeoutMs: 2_000,
  leaseMs: 5_000,
};
const PAYLOAD = { text: 'OSM feature lifecycle update: x', blocks: [{ type: 'section' }] };
const WS: WorkspaceRef = { teamId: 'T0ONE' };
const REGISTRY = realRegistry();

let store: SqliteStore;
const senders: OutboxSender[] = [];
let posts: (PostRequest & { at: number; team: string })[];
let events: SenderEvent[];
/** What each channel holds, as conversations.history would show it. */
let channels: Map<string, HistoryMessage[]>;
beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  posts = [];
  events = [];
  channels = new Map();
});
afterEach(async () => {
  for (const s of senders.splice(0)) await s.stop();
  await store.close();
});

/** Queues one change-set with a row per channel (of `ws`). */
async function queue(id: string, channelIds: string[], ws: WorkspaceRef = WS): Promise<void> {
  const expectedHash = (await store.announcements.currentHash()) ?? null;
  await store.announcements.commit({
    changeSetId: id,
    expectedHash,
    snapshot: { hash: id, registry: REGISTRY },
    notices: channelIds.map((channelId) => ({ workspace: ws, channelId, payload: PAYLOAD })),
  });
}

type Answer = (req: PostRequest, n: number) => Promise<{ ts: string }> | { ts: string };

/** A sender whose Slack answers with `answer(request, n)` (n = 1-based post count for that channel). */
function startSender(answer: Answer = () => ({ ts: '1.1' }), opts: { worker?: string } = {}): OutboxSender {
  const perChannel = new Map<string, number>();
  let ts = 0;
  const sender = new OutboxSender({
    store,
    log,
    tuning: FAST,
    ...(opts.worker ? { worker: opts.worker } : {}),
    random: () => 0.5,
    onEvent: (e) => events.push(e),
    slack: {
      post: async (ws, req) => {
        posts.push({ ...req, at: Date.now(), team: ws.teamId });
        const n = (perChannel.get(req.channel) ?? 0) + 1;
        perChannel.set(req.channel, n);
        // Slack keeps the message the moment it arrives, whatever happens to its answer.
        const kept = { ts: `9.${++ts}`, metadata: req.metadata };
        channels.set(req.channel, [kept, ...(channels.get(req.channel) ?? [])]);
        return answer(req, n);
      },
      history: async (_ws, channel) => channels.get(channel) ?? [],
    },
  });
  senders.push(sender);
  sender.kick();
  return sender;
}

describe('OutboxSender', () => {
  it('posts each row once, records its ts, and tags the post with its delivery id and change-set', async () => {
    await queue('cs-1', ['C1', 'C2', 'C3']);
    await startSender((req) => ({ ts: `ts-${req.channel}` })).whenIdle();
    expect(posts.map((p) => p.channel).sort()).toEqual(['C1', 'C2', 'C3']);
    const rows = await store.outbox.rows();
    expect(rows.every((r) => r.status === 'sent' && r.slackTs === `ts-${r.channelId}`)).toBe(true);
    const first = posts.find((p) => p.channel === 'C1');
    expect(first?.metadata).toEqual({
      event_type: 'osm_feature_notice',
      event_payload: { delivery_id: 'cs-1/T0ONE/C1', change_set: 'cs-1' },
    });
    expect(first?.text).toBe('OSM feature lifecycle update: x');
  });

  it('sends one row per channel at a time, spaced by the per-channel interval', async () => {
    await queue('cs-1', ['C1']);
    await queue('cs-2', ['C1']);
    await queue('cs-3', ['C1']);
    await startSender().whenIdle();
    expect(posts).toHaveLength(3);
    for (let i = 1; i < posts.length; i++) {
      expect((posts[i]?.at ?? 0) - (posts[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(29);
    }
  });

  it('honours a 429: re-queued, then delivered exactly once', async () => {
    await queue('cs-1', ['C1', 'C2']);
    await startSender((req, n) => {
      if (req.channel === 'C1' && n === 1) throw new webApi.WebAPIRateLimitedError(1);
      return { ts: '1.1' };
    }).whenIdle();
    expect(posts.filter((p) => p.channel === 'C1')).toHaveLength(2);
    expect((await store.outbox.rows()).map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(1);
    const [retried, again] = posts.filter((p) => p.channel === 'C1');
    expect((again?.at ?? 0) - (retried?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('retries a transient failure with backoff, then gives up and marks the row failed', async () => {
    await queue('cs-1', ['C1', 'C2']);
    await startSender((req) => {
      if (req.channel === 'C1') throw new webApi.WebAPIHTTPError(503, 'Service Unavailable', {}, '');
      return { ts: '1.1' };
    }).whenIdle();
    // A 503 may hide a post Slack kept: each retry looks for it first, and here it is found.
    const c1 = (await store.outbox.rows()).find((r) => r.channelId === 'C1');
    expect(posts.filter((p) => p.channel === 'C1')).toHaveLength(1);
    expect(c1).toMatchObject({ status: 'sent', outcome: 'reconciled' });
    expect((await store.outbox.rows()).find((r) => r.channelId === 'C2')?.status).toBe('sent');
  });

  it('a failure that never reached Slack is retried without looking, and gives up after the row’s budget', async () => {
    await queue('cs-1', ['C1']);
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    await startSender(() => {
      throw new webApi.WebAPIRequestError(refused);
    }).whenIdle();
    expect(posts).toHaveLength(3);
    const [c1] = await store.outbox.rows();
    expect(c1).toMatchObject({ status: 'failed', attempts: 3, transientFailures: 2 });
    expect(c1?.lastError).toContain('ECONNREFUSED');
  });

  it('a lost answer is reconciled from the channel’s history: one message, never two', async () => {
    await queue('cs-1', ['C1', 'C2']);
    await startSender((req, n) => {
      // Slack posted it, then the connection reset before its answer arrived.
      if (n === 1)
        throw new webApi.WebAPIRequestError(
          Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
        );
      return { ts: `ts-${req.channel}` };
    }).whenIdle();
    expect(posts.map((p) => p.channel).sort()).toEqual(['C1', 'C2']);
    expect(await store.outbox.rows()).toMatchObject([
      { status: 'sent', outcome: 'reconciled' },
      { status: 'sent', outcome: 'reconciled' },
    ]);
    expect(events.filter((e) => e.type === 'reconciled')).toHaveLength(2);
  });

  it('an uncertain row whose post is not in the channel is posted again', async () => {
    await queue('cs-1', ['C1']);
    await startSender((_req, n) => {
      if (n === 1) {
        channels.delete('C1'); // the request died before Slack kept it
        throw new webApi.WebAPIRequestError(Object.assign(new Error('timeout'), { code: 'ECONNABORTED' }));
      }
      return { ts: '2.2' };
    }).whenIdle();
    expect(posts).toHaveLength(2);
    expect(await store.outbox.rows()).toMatchObject([{ status: 'sent', slackTs: '2.2', outcome: 'posted' }]);
  });

  it('a replica that dies holding rows: another takes them after the lease and checks before posting', async () => {
    await queue('cs-1', ['C1', 'C2']);
    // The dead replica posted C1 (Slack kept it) and died before settling either row.
    const held = await store.outbox.claim({ worker: 'dead', leaseMs: 300, limit: 2 });
    channels.set('C1', [
      {
        ts: '5.5',
        metadata: { event_type: 'osm_feature_notice', event_payload: { delivery_id: held[0]?.deliveryId } },
      },
    ]);
    await startSender().whenIdle();
    expect(posts.map((p) => p.channel)).toEqual(['C2']);
    expect(await store.outbox.rows()).toMatchObject([
      { channelId: 'C1', status: 'sent', slackTs: '5.5', outcome: 'reconciled' },
      { channelId: 'C2', status: 'sent', outcome: 'posted' },
    ]);
  });

  it('a taken-over row whose own post then loses its answer: the channel is read again, not from before the post', async () => {
    await queue('cs-1', ['C1']);
    // The dead replica claimed the row and died before posting: the check before posting finds nothing.
    await store.outbox.claim({ worker: 'dead', leaseMs: 300, limit: 1 });
    await startSender((req, n) => {
      if (n === 1)
        throw new webApi.WebAPIRequestError(
          Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
        );
      return { ts: `ts-${req.channel}` };
    }).whenIdle();
    // A history read cached from before the post would not show it, and the row would be posted twice.
    expect(posts).toHaveLength(1);
    expect(await store.outbox.rows()).toMatchObject([
      { channelId: 'C1', status: 'sent', outcome: 'reconciled' },
    ]);
  });

  it('a row that waited past its lease is left to the replica that took it over, not posted again', async () => {
    await queue('cs-1', ['C1']);
    // A dead replica claimed the row and died: whoever takes it reads the channel first.
    await store.outbox.claim({ worker: 'dead', leaseMs: 1, limit: 1 });
    // Each sender's clock: the slow one's read outlives its 200 ms lease, which the other one sees passed.
    let slowLate = 10;
    let slowReading: () => void = () => undefined;
    const reading = new Promise<void>((resolve) => {
      slowReading = resolve;
    });
    let fastPosted: () => void = () => undefined;
    const posted = new Promise<void>((resolve) => {
      fastPosted = resolve;
    });
    const sender = (worker: string, now: () => number, slack: OutboxSenderSlack): OutboxSender => {
      const s = new OutboxSender({ store, log, worker, now, tuning: { ...FAST, leaseMs: 200 }, slack });
      senders.push(s);
      s.kick();
      return s;
    };
    const slow = sender('slow', () => Date.now() + slowLate, {
      post: async (_ws, req) => {
        posts.push({ ...req, at: Date.now(), team: 'slow' });
        return { ts: '1.1' };
      },
      // Its history read answers from before the other replica's post, after its lease has passed.
      history: async () => {
        slowReading();
        await posted;
        slowLate = 310;
        return [];
      },
    });
    await reading;
    const fast = sender('fast', () => Date.now() + 310, {
      post: async (_ws, req) => {
        posts.push({ ...req, at: Date.now(), team: 'fast' });
        fastPosted();
        return { ts: '2.2' };
      },
      history: async () => [],
    });
    await Promise.all([fast.whenIdle(), slow.whenIdle()]);
    expect(posts.map((p) => p.team)).toEqual(['fast']);
    expect(await store.outbox.rows()).toMatchObject([{ status: 'sent', slackTs: '2.2' }]);
  });

  it('two senders on one outbox never post a row twice', async () => {
    await queue(
      'cs-1',
      Array.from({ length: 20 }, (_, i) => `C${i}`),
    );
    const a = startSender(() => ({ ts: '1.1' }), { worker: 'a' });
    const b = startSender(() => ({ ts: '1.1' }), { worker: 'b' });
    await Promise.all([a.whenIdle(), b.whenIdle()]);
    expect(posts).toHaveLength(20);
    expect(new Set(posts.map((p) => p.channel)).size).toBe(20);
  });

  it('channel_not_found: failed at once, the channel’s subscriptions deactivated, others unaffected', async () => {
    await store.subscriptions.add(WS, { channelId: 'CGONE', filter: { kind: 'all' }, createdBy: 'U1' });
    await store.subscriptions.add(WS, { channelId: 'C2', filter: { kind: 'all' }, createdBy: 'U1' });
    await queue('cs-1', ['CGONE', 'C2']);
    await startSender((req) => {
      if (req.channel === 'CGONE')
        throw new webApi.WebAPIPlatformError({ ok: false, error: 'channel_not_found' });
      return { ts: '1.1' };
    }).whenIdle();
    expect(posts.filter((p) => p.channel === 'CGONE')).toHaveLength(1);
    expect(await store.subscriptions.list(WS, { channelId: 'CGONE', includeInactive: true })).toMatchObject([
      { active: false, deactivatedReason: 'channel_not_found' },
    ]);
    expect(await store.subscriptions.list(WS, { channelId: 'C2' })).toHaveLength(1);
    expect(events).toContainEqual(expect.objectContaining({ type: 'failed', deactivated: true }));
  });

  it('stop: the post on the wire is finished and recorded; rows not yet sent stay pending for the next one', async () => {
    await queue('cs-1', ['C1']);
    await queue('cs-2', ['C1']);
    let release: () => void = () => undefined;
    const onWire = new Promise<void>((resolveOnWire) => {
      startSender(
        () =>
          new Promise<{ ts: string }>((resolve) => {
            resolveOnWire();
            release = () => resolve({ ts: '9.9' });
          }),
      );
    });
    await onWire;
    const stopping = senders[0]?.stop();
    release();
    await stopping;
    expect(posts).toHaveLength(1);
    expect((await store.outbox.rows()).map((r) => r.status)).toEqual(['sent', 'pending']);
    expect(events.map((e) => e.type)).toEqual(['sent']);
  });
});
