import type { RecordedCall, SlackStandin } from '@osm-feature-bot/slack-standin';
import { latencyRows, SIDES, type Side } from './compare.js';
import type { Host } from './host.js';
import { QUESTIONS } from './questions.js';
import type { Row } from './report.js';
import { LoopbackClient, type PreparedRequest, signedJson } from './signed-client.js';
import { closedLoop, interleaved } from './stats.js';

const LEVELS = [
  { clients: 1, perBatch: 120 },
  { clients: 16, perBatch: 320 },
];
const ROUNDS = 5;
const ANSWER_TIMEOUT_MS = 10_000;

/** Resolves when the stand-in records the chat.postMessage answering the mention with this thread ts. */
class AnswerWaiter {
  private readonly pending = new Map<string, () => void>();

  constructor(standin: SlackStandin) {
    standin.on('call', (call: RecordedCall) => {
      const ts = call.params.thread_ts;
      if (call.method === 'chat.postMessage' && typeof ts === 'string') this.pending.get(ts)?.();
    });
  }

  wait(ts: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(ts);
        reject(new Error(`no answer to the mention ${ts} within ${ANSWER_TIMEOUT_MS} ms`));
      }, ANSWER_TIMEOUT_MS);
      this.pending.set(ts, () => {
        clearTimeout(timer);
        this.pending.delete(ts);
        resolve();
      });
    });
  }
}

interface Mention {
  ts: string;
  request: PreparedRequest;
}

let sequence = 0;

/** Mentions with unique event ids and thread ts, signed before the clock starts. */
function mentions(standin: SlackStandin, count: number): Mention[] {
  return Array.from({ length: count }, (_, i) => {
    sequence++;
    const ts = `1800000000.${String(sequence).padStart(6, '0')}`;
    const event = {
      type: 'app_mention',
      user: 'U0USER',
      channel: 'C0GENERAL',
      text: `<@${standin.botUserId}> ${QUESTIONS[i % QUESTIONS.length]}`,
      ts,
      event_ts: ts,
    };
    const body = standin.buildEventEnvelope(event, { eventId: `EvBENCH${sequence}` });
    return { ts, request: signedJson(standin.signingSecret, body) };
  });
}

/**
 * A signed app_mention event, timed from sending it until the chat.postMessage answering it reaches the
 * stand-in, for our app and the two Bolt-only baselines, in rotating batches.
 */
export async function runMentionBench(standin: SlackStandin, host: Host): Promise<Row[]> {
  const waiter = new AnswerWaiter(standin);
  const rows: Row[] = [];
  for (const { clients, perBatch } of LEVELS) {
    const pools = Object.fromEntries(SIDES.map((s) => [s, new LoopbackClient(host[s], clients)])) as Record<
      Side,
      LoopbackClient
    >;
    const run = (side: Side) => {
      const batch = mentions(standin, perBatch);
      return closedLoop(clients, perBatch, async (i) => {
        const { ts, request } = batch[i] as Mention;
        const answered = waiter.wait(ts);
        const reply = await pools[side].post(request);
        if (reply.status !== 200) throw new Error(`mention answered ${reply.status}`);
        await answered;
      });
    };
    try {
      for (const side of SIDES) await run(side); // warm-up, not recorded
      const pooled = await interleaved(ROUNDS, SIDES, run);
      rows.push(
        ...latencyRows(`Mention to chat.postMessage, ${clients} client${clients > 1 ? 's' : ''}`, pooled),
      );
    } finally {
      for (const pool of Object.values(pools)) pool.close();
    }
  }
  return rows;
}
