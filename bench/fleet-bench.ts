// One change-set fanned out by several replicas (real processes) sharing one PostgreSQL database, against the
// Slack stand-in, with answers lost after Slack kept the post. Counts every channel's notices afterwards.
import { performance } from 'node:perf_hooks';
import { type RateLimitOptions, SlackStandin } from '@osm-feature-bot/slack-standin';
import { openStore } from '../src/store/open-store.js';
import { type BotProcess, killLeftovers, startBotProcess } from '../tests/e2e/support/bot-process.js';
import {
  editFile,
  noticesIn,
  noticeWorkspace,
  promoteMulticluster,
} from '../tests/e2e/support/notices-harness.js';
import { createTestDatabase } from '../tests/harness/postgres.js';

export interface FleetScenario {
  channels: number;
  replicas: number;
  /** Every n-th channel's post loses its answer (a reset after the stand-in kept it); 0 for none. */
  lostEvery: number;
  rateLimits: RateLimitOptions | false;
}

export interface FleetResult {
  /** From the first replica's commit to the last row settled. */
  seconds: number;
  lost: number;
  duplicated: number;
  rateLimited: number;
  lostAnswers: number;
  /** Rows settled by reading the channel's history instead of posting again. */
  reconciled: number;
  historyReads: number;
  /** From the commit to the last chat.postMessage that reached the stand-in (kept or answer lost). */
  lastPostSeconds: number;
}

/** Giving up on a run that never finishes (a row that failed for good, say): the report shows what landed. */
const RUN_TIMEOUT_MS = 180_000;

/** Resolves once the replicas together wrote `count` sent or reconciled lines, or after RUN_TIMEOUT_MS. */
function settledLines(replicas: BotProcess[], count: number): Promise<void> {
  const settled = (): number =>
    replicas.reduce(
      (sum, r) => sum + r.lines.filter((l) => l.event === 'sent' || l.event === 'reconciled').length,
      0,
    );
  return new Promise((resolve) => {
    const timer = setTimeout(finish, RUN_TIMEOUT_MS);
    function finish(): void {
      clearTimeout(timer);
      for (const r of replicas) r.child.stdout?.off('data', look);
      resolve();
    }
    function look(): void {
      // The data event comes before the line is parsed: look once the line handler has run.
      setImmediate(() => {
        if (settled() >= count) finish();
      });
    }
    for (const r of replicas) r.child.stdout?.on('data', look);
    look();
  });
}

/** Runs one scenario on a fresh database and stand-in, and counts what every channel received. */
export async function runFleetBench(s: FleetScenario): Promise<FleetResult> {
  const ids = Array.from({ length: s.channels }, (_, i) => `C${String(i).padStart(6, '0')}`);
  const standin = await SlackStandin.start({
    channels: ids.map((id) => ({ id, name: id.toLowerCase() })),
    rateLimits: s.rateLimits,
  });
  const ws = noticeWorkspace();
  const db = await createTestDatabase('bench_fleet');
  const replicas: BotProcess[] = [];
  try {
    const env = { NOTICE_CHANNELS: ids.join(','), LOG_LEVEL: 'error' };
    replicas.push(
      ...(await Promise.all(
        Array.from({ length: s.replicas }, (_, i) =>
          startBotProcess({
            standin,
            registryPath: ws.registryPath,
            databaseUrl: db.url,
            env,
            receive: i === 0,
          }),
        ),
      )),
    );
    await Promise.all(replicas.map((r) => r.event('idle')));
    let lostAnswers = 0;
    if (s.lostEvery > 0)
      for (let i = 0; i < ids.length; i += s.lostEvery) {
        standin.injectFault('chat.postMessage', { lostAnswer: 'reset' }, { channel: ids[i] as string });
        lostAnswers++;
      }
    const committed = Promise.any(replicas.map((r) => r.event('committed')));
    const settled = settledLines(replicas, s.channels);
    editFile(ws.registryPath, promoteMulticluster);
    await committed;
    const start = performance.now();
    const startWall = Date.now();
    await settled;
    const seconds = (performance.now() - start) / 1000;
    const reconciled = replicas.reduce(
      (sum, r) => sum + r.lines.filter((l) => l.event === 'reconciled').length,
      0,
    );
    const store = await openStore(db.url);
    const pending = await store.outbox.pending().finally(() => store.close());
    if (pending.count > 0) process.stderr.write(`bench: fleet run ended with ${pending.count} rows unsent\n`);
    for (const r of replicas.splice(0)) await r.stop();
    const counts = ids.map((id) => noticesIn(standin, id).length);
    return {
      seconds,
      lost: counts.filter((n) => n === 0).length,
      duplicated: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      rateLimited: standin.callsTo('chat.postMessage').filter((c) => c.status === 429).length,
      lostAnswers,
      reconciled,
      historyReads: standin.callsTo('conversations.history').length,
      lastPostSeconds:
        (Math.max(
          ...standin
            .callsTo('chat.postMessage')
            .filter((c) => c.status !== 429)
            .map((c) => c.at),
        ) -
          startWall) /
        1000,
    };
  } finally {
    await killLeftovers();
    await standin.close();
    ws.cleanup();
    await db.drop();
  }
}
