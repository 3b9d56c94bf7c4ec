import { performance } from 'node:perf_hooks';
import { startBotUnderTest } from '../tests/e2e/support/bot-under-test.js';
import { ms, summarize } from './stats.js';

/** Signed /osm-feature multicluster over loopback HTTP, one at a time: the user-visible round trip. */
export async function runSlashLatency(
  requests = 1000,
): Promise<{ p50: number; p99: number; mean: number; n: number }> {
  const t = await startBotUnderTest();
  try {
    for (let i = 0; i < 50; i++) await t.standin.sendCommand('multicluster');
    const samples: number[] = [];
    for (let i = 0; i < requests; i++) {
      const start = performance.now();
      const res = await t.standin.sendCommand('multicluster');
      samples.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`request ${i} got ${res.status}`);
    }
    return summarize(samples);
  } finally {
    await t.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runSlashLatency();
  console.log(
    `slash command end to end over loopback: n=${r.n} p50=${ms(r.p50)} p99=${ms(r.p99)} mean=${ms(r.mean)}`,
  );
}
