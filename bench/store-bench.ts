// The store's hot paths on SQLite (the embedded default) and PostgreSQL, through the real store (openStore):
// draining an outbox of 10,000 rows, event dedup, and routing a change-set over 10,000 subscriptions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../src/store/open-store.js';
import type { Store, WorkspaceRef } from '../src/store/store.js';
import { createTestDatabase, postgresReachable } from '../tests/harness/postgres.js';
import { realRegistry } from '../tests/harness/registry-fixtures.js';
import type { Row } from './report.js';
import { ms, type Summary, summarize, times } from './stats.js';

const WORKSPACES = 100;
const PER_WORKSPACE = 100;
const ROWS = WORKSPACES * PER_WORKSPACE;
/** Rows per claim: the sender's default concurrency. */
const CLAIM_LIMIT = 50;
const EVENTS = 5_000;
const LISTINGS = 20;
const PAYLOAD = {
  text: 'OSM feature lifecycle update: bench',
  blocks: [{ type: 'section', block_id: 'b1' }],
};

interface StoreFigures {
  claim: Summary;
  settle: Summary;
  rowsPerSecond: number;
  firstSeen: Summary;
  listing: Summary;
}

const workspace = (w: number): WorkspaceRef => ({ teamId: `T${String(w).padStart(5, '0')}` });
const channel = (w: number, c: number): string =>
  `C${String(w).padStart(4, '0')}${String(c).padStart(4, '0')}`;

async function timed<T>(samples: number[], op: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await op();
  samples.push(performance.now() - start);
  return result;
}

/** 10,000 notices committed in one change-set, then claimed 50 at a time and each settled as sent, in turn. */
async function drainOutbox(store: Store): Promise<Pick<StoreFigures, 'claim' | 'settle' | 'rowsPerSecond'>> {
  const notices = Array.from({ length: ROWS }, (_, i) => ({
    workspace: workspace(Math.floor(i / PER_WORKSPACE)),
    channelId: channel(Math.floor(i / PER_WORKSPACE), i % PER_WORKSPACE),
    payload: PAYLOAD,
  }));
  const current = await store.announcements.currentHash();
  const committed = await store.announcements.commit({
    changeSetId: `cs-bench-${Date.now()}`,
    expectedHash: current ?? null,
    snapshot: { hash: `bench-${Date.now()}`, registry: realRegistry() },
    notices,
  });
  if (committed.kind !== 'committed') throw new Error(`store bench: commit answered ${committed.kind}`);
  const claims: number[] = [];
  const settles: number[] = [];
  const worker = 'bench-worker';
  let drained = 0;
  const start = performance.now();
  for (;;) {
    const rows = await timed(claims, () =>
      store.outbox.claim({ worker, leaseMs: 30_000, limit: CLAIM_LIMIT }),
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const ok = await timed(settles, () =>
        store.outbox.settle(
          row.id,
          worker,
          { kind: 'sent', ts: `${Date.now() / 1000}` },
          { channelNotBefore: Date.now() + 1000 },
        ),
      );
      if (!ok) throw new Error(`store bench: lost the lease on row ${row.id}`);
      drained++;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  if (drained !== ROWS) throw new Error(`store bench: drained ${drained} of ${ROWS} rows`);
  return { claim: summarize(claims), settle: summarize(settles), rowsPerSecond: ROWS / seconds };
}

/** Half first deliveries, half redeliveries of an id already seen, spread over the workspaces. */
async function dedupEvents(store: Store): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const id = `Ev${Math.floor(i / 2)}`;
    const first = await timed(samples, () =>
      store.events.firstSeen(workspace(Math.floor(i / 2) % WORKSPACES), id),
    );
    if (first !== (i % 2 === 0)) throw new Error(`store bench: firstSeen(${id}) answered ${first}`);
  }
  return summarize(samples);
}

/** 10,000 subscriptions across 100 workspaces, then the listing every change-set is routed over. */
async function listSubscriptions(store: Store): Promise<Summary> {
  for (let w = 0; w < WORKSPACES; w++) {
    await Promise.all(
      Array.from({ length: PER_WORKSPACE }, (_, c) =>
        store.subscriptions.add(workspace(w), {
          channelId: channel(w, c),
          filter: { kind: 'all' },
          createdBy: 'U0BENCH',
        }),
      ),
    );
  }
  const samples: number[] = [];
  await store.subscriptions.listActive(); // warm-up, not recorded
  for (let i = 0; i < LISTINGS; i++) {
    const subs = await timed(samples, () => store.subscriptions.listActive());
    if (subs.length !== ROWS) throw new Error(`store bench: listed ${subs.length} of ${ROWS} subscriptions`);
  }
  return summarize(samples);
}

async function measure(url: string): Promise<StoreFigures> {
  const store = await openStore(url);
  try {
    const drain = await drainOutbox(store);
    return { ...drain, firstSeen: await dedupEvents(store), listing: await listSubscriptions(store) };
  } finally {
    await store.close();
  }
}

async function measureSqlite(): Promise<StoreFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'osm-store-bench-'));
  try {
    return await measure(`sqlite:${join(dir, 'bench.db')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measurePostgres(): Promise<StoreFigures | undefined> {
  if (!(await postgresReachable())) return undefined;
  const db = await createTestDatabase('bench_store');
  try {
    return await measure(db.url);
  } finally {
    await db.drop();
  }
}

const rate = (n: number): string => `${Math.round(n).toLocaleString('en-US')} rows/s`;

function pair(what: string, pgFig: Summary | undefined, sqlite: Summary): Row {
  return {
    what: `${what}, PostgreSQL vs SQLite`,
    median: pgFig ? ms(pgFig.p50) : 'not run',
    p99: pgFig ? ms(pgFig.p99) : '—',
    baselineMedian: ms(sqlite.p50),
    baselineP99: ms(sqlite.p99),
    ...(pgFig ? { ratio: times(pgFig.p99 / sqlite.p99) } : {}),
  };
}

/**
 * Rows for the store: PostgreSQL in the ours columns, SQLite (the embedded default) as the baseline, both
 * measured in this run. `notes` learns when PostgreSQL could not be reached.
 */
export async function runStoreBench(notes: string[]): Promise<Row[]> {
  const sqlite = await measureSqlite();
  const pgFig = await measurePostgres();
  if (!pgFig) notes.push('Store rows: PostgreSQL was not reachable, so only SQLite was measured.');
  else
    notes.push(
      'Store rows: the real store (openStore) in the bench process; PostgreSQL on 127.0.0.1 in a fresh database dropped afterwards, SQLite (WAL) in a temp file. Ratios there are PostgreSQL ÷ SQLite p99.',
    );
  const k = ROWS.toLocaleString('en-US');
  return [
    pair(
      `Store: outbox claim of ≤${CLAIM_LIMIT} rows, draining ${k} (n=${sqlite.claim.n})`,
      pgFig?.claim,
      sqlite.claim,
    ),
    pair(
      `Store: outbox settle of one row, draining ${k} (n=${sqlite.settle.n})`,
      pgFig?.settle,
      sqlite.settle,
    ),
    {
      what: `Store: outbox claim + settle of ${k} rows, one worker, PostgreSQL vs SQLite`,
      median: pgFig ? rate(pgFig.rowsPerSecond) : 'not run',
      p99: '—',
      baselineMedian: rate(sqlite.rowsPerSecond),
      ...(pgFig ? { ratio: times(pgFig.rowsPerSecond / sqlite.rowsPerSecond) } : {}),
    },
    pair(
      `Store: events.firstSeen, half of them redeliveries (n=${sqlite.firstSeen.n})`,
      pgFig?.firstSeen,
      sqlite.firstSeen,
    ),
    pair(
      `Store: active subscriptions for a change-set, ${k} across ${WORKSPACES} workspaces (n=${sqlite.listing.n})`,
      pgFig?.listing,
      sqlite.listing,
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const notes: string[] = [];
  for (const row of await runStoreBench(notes)) console.log(JSON.stringify(row));
  for (const note of notes) console.log(note);
}
