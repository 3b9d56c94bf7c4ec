import type { SlackStandin } from '@osm-feature-bot/slack-standin';
import { BASELINE_LABEL, latencyRows, SIDES, type Side } from './compare.js';
import type { Host } from './host.js';
import { QUESTIONS } from './questions.js';
import type { Row } from './report.js';
import { LoopbackClient, type PreparedRequest, signedForm } from './signed-client.js';
import { closedLoop, interleaved, type LoadResult, perSecond, times } from './stats.js';

const LEVELS = [
  { clients: 1, perBatch: 300 },
  { clients: 16, perBatch: 800 },
  { clients: 64, perBatch: 1600 },
];
const ROUNDS = 5;
const P99_GOAL = 1.15;

/** Signed before the clock starts; re-signed per batch, since Bolt refuses timestamps older than 5 minutes. */
export function commandRequests(standin: SlackStandin, responseUrl: string): PreparedRequest[] {
  return QUESTIONS.map((text) =>
    signedForm(standin.signingSecret, {
      ...standin.buildCommandPayload(text, { response_url: responseUrl }),
      trigger_id: 'bench.trigger',
    }),
  );
}

function batch(client: LoopbackClient, requests: PreparedRequest[], clients: number, total: number) {
  return closedLoop(clients, total, async (i) => {
    const reply = await client.post(requests[i % requests.length] as PreparedRequest);
    if (reply.status !== 200 || reply.body === '') throw new Error(`slash command answered ${reply.status}`);
  });
}

const rate = (r: LoadResult): number => r.samples.length / (r.wallMs / 1000);

/**
 * Signed /osm-feature requests over loopback HTTP, at 1, 16 and 64 concurrent clients, to our app and to the
 * two Bolt-only baselines, in rotating batches.
 */
export async function runSlashBench(standin: SlackStandin, host: Host): Promise<Row[]> {
  const rows: Row[] = [];
  const responseUrl = standin.newResponseUrl();
  for (const { clients, perBatch } of LEVELS) {
    const pools = Object.fromEntries(SIDES.map((s) => [s, new LoopbackClient(host[s], clients)])) as Record<
      Side,
      LoopbackClient
    >;
    const run = (side: Side) => batch(pools[side], commandRequests(standin, responseUrl), clients, perBatch);
    try {
      for (const side of SIDES) await run(side); // warm-up, not recorded
      const pooled = await interleaved(ROUNDS, SIDES, run);
      const label = `Slash command end to end, ${clients} client${clients > 1 ? 's' : ''}`;
      rows.push(...latencyRows(label, pooled, P99_GOAL));
      if (clients === 64) {
        const core = host.core === undefined ? 'unpinned' : 'app pinned to one core';
        for (const side of ['baseline', 'prerendered'] as const) {
          rows.push({
            what: `Slash command throughput, 64 clients, ${core}, ${BASELINE_LABEL[side]}`,
            median: perSecond(rate(pooled.ours)),
            p99: '—',
            baselineMedian: perSecond(rate(pooled[side])),
            ratio: times(rate(pooled.ours) / rate(pooled[side])),
          });
        }
      }
    } finally {
      for (const pool of Object.values(pools)) pool.close();
    }
  }
  return rows;
}
