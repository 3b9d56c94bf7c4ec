import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxSender } from '../../../src/notices/sender.js';
import type { PostRequest, SenderEvent, SenderTuning } from '../../../src/notices/sender-types.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';

const log = pino({ level: 'silent' });
const FAST: Partial<SenderTuning> = {
  concurrency: 10,
  pacer: { perChannelMs: 30, windowMs: 30, marginMs: 0, forgetAfterMs: 60_000 },
  backoff: { baseMs: 5, factor: 2, maxMs: 20, maxAttempts: 3 },
  pollMs: 20,
  stopTimeoutMs: 2_000,
};
const PAYLOAD = JSON.stringify({ text: 'OSM feature lifecycle update: x', blocks: [{ type: 'section' }] });

let store: SqliteStore;
let sender: OutboxSender | undefined;
let posts: (PostRequest & { at: number })[];
let events: SenderEvent[];
beforeEach(() => {
  store = openSqliteStore('sqlite::memory:');
  posts = [];
  events = [];
});
afterEach(async () => {
  await sender?.stop();
  sender = undefined;
  store.close();
});

/** Queues one change-set with a row per channel. */
function queue(id: string, channels: string[]): void {
  store.commitChangeSet({
    changeSetId: id,
    snapshot: { hash: id, registryJson: '{}' },
    notices: channels.map((channelId) => ({ channelId, payloadJson: PAYLOAD })),
  });
}

/** A sender whose Slack answers with `answer(request, n)` (n = 1-based post count for that channel). */
function startSender(
  answer: (req: PostRequest, n: number) => Promise<{ ts: string }> | { ts: string } = () => ({ ts: '1.1' }),
) {
  const perChannel = new Map<string, number>();
  sender = new OutboxSender({
    store,
    log,
    tuning: FAST,
    random: () => 0.5,
    onEvent: (e) => events.push(e),
    post: async (req) => {
      posts.push({ ...req, at: Date.now() });
      const n = (perChannel.get(req.channel) ?? 0) + 1;
      perChannel.set(req.channel, n);
      return answer(req, n);
    },
  });
  sender.kick();
  return sender;
}

describe('OutboxSender', () => {
  it('posts each row once, records its ts, and tags the post with outbox id and change-set', async () => {
    queue('cs-1', ['C1', 'C2', 'C3']);
    await startSender((req) => ({ ts: `ts-${req.channel}` })).whenIdle();
    expect(posts.map((p) => p.channel).sort()).toEqual(['C1', 'C2', 'C3']);
    const rows = store.outboxRows();
    expect(rows.every((r) => r.status === 'sent' && r.slackTs === `ts-${r.channelId}`)).toBe(true);
    const first = posts.find((p) => p.channel === 'C1');
    expect(first?.metadata).toEqual({
      event_type: 'osm_feature_notice',
      event_payload: { outbox_id: rows.find((r) => r.channelId === 'C1')?.id, change_set: 'cs-1' },
    });
    expect(first?.text).toBe('OSM feature lifecycle update: x');
  });

  it('sends one row per channel at a time, spaced by the per-channel interval', async () => {
    queue('cs-1', ['C1']);
    queue('cs-2', ['C1']);
    queue('cs-3', ['C1']);
    await startSender().whenIdle();
    expect(posts).toHaveLength(3);
    for (let i = 1; i < posts.length; i++) {
      expect((posts[i]?.at ?? 0) - (posts[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(29);
    }
  });

  it('honours a 429: re-queued, then delivered exactly once', async () => {
    queue('cs-1', ['C1', 'C2']);
    await startSender((req, n) => {
      if (req.channel === 'C1' && n === 1) throw new webApi.WebAPIRateLimitedError(1);
      return { ts: '1.1' };
    }).whenIdle();
    expect(posts.filter((p) => p.channel === 'C1')).toHaveLength(2);
    expect(store.outboxRows().map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(1);
    const [retried, again] = posts.filter((p) => p.channel === 'C1');
    expect((again?.at ?? 0) - (retried?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('retries a transient failure with backoff, then gives up and marks the row failed', async () => {
    queue('cs-1', ['C1', 'C2']);
    await startSender((req) => {
      if (req.channel === 'C1') throw new webApi.WebAPIHTTPError(503, 'Service Unavailable', {}, '');
      return { ts: '1.1' };
    }).whenIdle();
    expect(posts.filter((p) => p.channel === 'C1')).toHaveLength(3);
    const c1 = store.outboxRows().find((r) => r.channelId === 'C1');
    expect(c1).toMatchObject({ status: 'failed', attempts: 3 });
    expect(c1?.lastError).toContain('503');
    expect(store.outboxRows().find((r) => r.channelId === 'C2')?.status).toBe('sent');
  });

  it('a transient failure that recovers is delivered once', async () => {
    queue('cs-1', ['C1']);
    await startSender((_req, n) => {
      if (n === 1) throw new webApi.WebAPIRequestError(new Error('ECONNRESET'));
      return { ts: '2.2' };
    }).whenIdle();
    expect(store.outboxRows()).toMatchObject([{ status: 'sent', slackTs: '2.2', attempts: 2 }]);
  });

  it('channel_not_found: failed at once, the channel’s subscriptions deactivated, others unaffected', async () => {
    store.addSubscription({ channelId: 'CGONE', filter: { kind: 'all' }, createdBy: 'U1' });
    store.addSubscription({ channelId: 'C2', filter: { kind: 'all' }, createdBy: 'U1' });
    queue('cs-1', ['CGONE', 'C2']);
    await startSender((req) => {
      if (req.channel === 'CGONE')
        throw new webApi.WebAPIPlatformError({ ok: false, error: 'channel_not_found' });
      return { ts: '1.1' };
    }).whenIdle();
    expect(posts.filter((p) => p.channel === 'CGONE')).toHaveLength(1);
    expect(store.listSubscriptions('CGONE', { includeInactive: true })).toMatchObject([
      { active: false, deactivatedReason: 'channel_not_found' },
    ]);
    expect(store.listSubscriptions('C2')).toHaveLength(1);
    expect(events).toContainEqual(expect.objectContaining({ type: 'failed', deactivated: true }));
  });

  it('stop: the post on the wire is finished and recorded, rows waiting for a slot are parked', async () => {
    queue('cs-1', ['C1']);
    queue('cs-2', ['C1']);
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
    const stopping = sender?.stop();
    release();
    await stopping;
    expect(posts).toHaveLength(1);
    expect(store.outboxRows().map((r) => r.status)).toEqual(['sent', 'pending']);
    expect(events.map((e) => e.type)).toEqual(['sent', 'parked']);
  });
});
