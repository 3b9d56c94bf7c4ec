// Two senders on two handles of one database file (two replicas), against a Slack that limits the workspace
// as Slack does: a sliding one-second window, a 429 with Retry-After for the post that overflows it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlidingWindowRateLimiter } from '@osm-feature-bot/slack-standin';
import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PACER } from '../../../src/notices/pacer.js';
import { OutboxSender } from '../../../src/notices/sender.js';
import type { SenderEvent } from '../../../src/notices/sender-types.js';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite.js';
import type { Store, WorkspaceRef } from '../../../src/store/store.js';
import { realRegistry } from '../../harness/registry-fixtures.js';

const WS: WorkspaceRef = { teamId: 'T0ONE' };
const PER_SECOND = 8;
const PAYLOAD = { text: 'OSM feature lifecycle update: x', blocks: [{ type: 'section' }] };

let dir: string;
const stores: Store[] = [];
const senders: OutboxSender[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'osm-budget-'));
});
afterEach(async () => {
  for (const s of senders.splice(0)) await s.stop();
  for (const s of stores.splice(0)) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the workspace budget, shared by replicas', () => {
  it('a replica that joins a paced fan-out takes its slots from the shared budget: no new 429s', async () => {
    const file = join(dir, 'bot.sqlite');
    // Both opened before either sends: in one process, opening a file migrates it outside the file's queue.
    const first = await openSqliteStore(file);
    const second = await openSqliteStore(file);
    stores.push(first, second);
    const channels = Array.from({ length: 4 * PER_SECOND }, (_, i) => `C${i}`);
    await first.announcements.commit({
      changeSetId: 'cs-1',
      expectedHash: null,
      snapshot: { hash: 'cs-1', registry: realRegistry() },
      notices: channels.map((channelId) => ({ workspace: WS, channelId, payload: PAYLOAD })),
    });
    const limiter = new SlidingWindowRateLimiter({ perChannelPerSecond: 1, workspacePerSecond: PER_SECOND });
    const posted: string[] = [];
    const limited: { sender: string; at: number }[] = [];
    const events: SenderEvent[] = [];
    let sentSeen: () => void = () => undefined;
    const learned = new Promise<void>((resolve) => {
      sentSeen = () => {
        // Well past the first 429 and the window it taught.
        if (events.filter((e) => e.type === 'sent').length >= 2 * PER_SECOND) resolve();
      };
    });
    const start = (store: Store, name: string): OutboxSender => {
      const sender = new OutboxSender({
        store,
        log: pino({ level: 'silent' }),
        worker: name,
        tuning: {
          concurrency: PER_SECOND,
          pacer: { ...DEFAULT_PACER, perChannelMs: 30, minBudget: 2 },
          pollMs: 20,
        },
        onEvent: (e) => {
          events.push(e);
          sentSeen();
        },
        slack: {
          post: async (_ws, req) => {
            const decision = limiter.tryAcquire(req.channel);
            if (!decision.allowed) {
              limited.push({ sender: name, at: Date.now() });
              throw new webApi.WebAPIRateLimitedError(decision.retryAfterSeconds);
            }
            posted.push(req.channel);
            return { ts: `1.${posted.length}` };
          },
          history: async () => [],
        },
      });
      senders.push(sender);
      sender.kick();
      return sender;
    };
    const a = start(first, 'a');
    await learned;
    const joinedAt = Date.now();
    const b = start(second, 'b');
    await Promise.all([a.whenIdle(), b.whenIdle()]);

    expect([...posted].sort()).toEqual([...channels].sort());
    // The first burst met Slack's limit once; the budget it taught held both replicas from then on.
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.filter((l) => l.at >= joinedAt)).toEqual([]);
    expect(events.some((e) => e.type === 'sent' && e.row.leaseOwner === 'b')).toBe(true);
    expect(await second.sendBudget.budget(WS, DEFAULT_PACER)).toBe(PER_SECOND);
  }, 20_000);
});
