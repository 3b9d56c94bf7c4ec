import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { SlackStandin } from '@osm-feature-bot/slack-standin';
import type { Row } from './report.js';
import { mib, ms, summarize, times } from './stats.js';

const RUNS = 5;
const READY_TIMEOUT_MS = 20_000;
/** Settle time before reading idle RSS: start-up garbage and lazy module loads are done by then. */
const IDLE_MS = 1000;

type Mode = 'http' | 'socket';

/** The bare Bolt app the start-up is compared with: same mode, same stand-in, nothing registered. */
const BASELINE_SOURCE = `
import { App, LogLevel } from '@slack/bolt';
const env = process.env;
const socket = Boolean(env.SLACK_APP_TOKEN);
const app = new App({
  token: env.SLACK_BOT_TOKEN,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: env.SLACK_API_URL },
  ...(socket ? { socketMode: true, appToken: env.SLACK_APP_TOKEN } : { signingSecret: env.SLACK_SIGNING_SECRET }),
});
await (socket ? app.start() : app.start(0));
console.log('bolt baseline is running');
`;

/** Newest modification time of any file under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * `node dist/src/main.js` when it is built from the current sources, else through tsx (a stale build would
 * measure old code); the baseline goes through the same loader.
 */
function commands(): { ours: string[]; baseline: string[]; loader: string } {
  const main = 'dist/src/main.js';
  const built = existsSync(main);
  const current = built && statSync(main).mtimeMs >= newestMtime('src');
  const loader = current ? [] : ['--import', 'tsx'];
  const why = built ? 'dist/ is older than src/' : 'not built';
  return {
    ours: current ? [main] : [...loader, 'src/main.ts'],
    baseline: [...loader, '--input-type=module', '-e', BASELINE_SOURCE],
    loader: current ? `node ${main}` : `node --import tsx src/main.ts (${why})`,
  };
}

function idleRss(child: ChildProcess): number {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Spawns one process, times it to its ready line, reads RSS after it idles, and stops it. */
async function startOnce(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ ms: number; rss: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = once(child, 'exit');
  try {
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    const seen = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`not ready within ${READY_TIMEOUT_MS} ms`)),
        READY_TIMEOUT_MS,
      );
      lines.on('line', (line) => {
        if (!ready.test(line)) return;
        clearTimeout(timer);
        resolve(performance.now() - start);
      });
      void exited.then(([code]) => reject(new Error(`exited with code ${String(code)} before it was ready`)));
    });
    const elapsed = await seen;
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { ms: elapsed, rss: idleRss(child) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function envFor(standin: SlackStandin, mode: Mode, dbDir: string, run: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    SLACK_BOT_TOKEN: standin.botToken,
    SLACK_API_URL: standin.apiUrl,
    ...(mode === 'socket'
      ? { SLACK_APP_TOKEN: standin.appToken }
      : { SLACK_SIGNING_SECRET: standin.signingSecret }),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    REGISTRY_PATH: 'data/features.yml',
    DATABASE_URL: `sqlite:${join(dbDir, `bot-${mode}-${run}.db`)}`,
  };
}

/**
 * Process start to ready, and RSS once idle, for the real entry point in HTTP and Socket Mode, against the
 * stand-in, alternating with a bare Bolt app started the same way. Each run of ours starts on a new database.
 */
export async function runStartupBench(standin: SlackStandin): Promise<{ rows: Row[]; loader: string }> {
  const { ours, baseline, loader } = commands();
  const dbDir = mkdtempSync(join(tmpdir(), 'osm-bench-start-'));
  const rows: Row[] = [];
  try {
    for (const mode of ['http', 'socket'] as const) {
      const results = {
        ours: [] as { ms: number; rss: number }[],
        baseline: [] as { ms: number; rss: number }[],
      };
      for (let run = 0; run < RUNS; run++) {
        const order = run % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
        for (const side of order) {
          const env = envFor(standin, mode, dbDir, run);
          results[side].push(
            side === 'ours'
              ? await startOnce(ours, env, /osm-feature-bot is running/)
              : await startOnce(baseline, env, /bolt baseline is running/),
          );
        }
      }
      const label = mode === 'http' ? 'HTTP' : 'Socket Mode';
      const time = {
        ours: summarize(results.ours.map((r) => r.ms)),
        base: summarize(results.baseline.map((r) => r.ms)),
      };
      const rss = {
        ours: summarize(results.ours.map((r) => r.rss)),
        base: summarize(results.baseline.map((r) => r.rss)),
      };
      rows.push(
        {
          what: `Start-up to ready, ${label} (${RUNS} runs; p99 = slowest), vs bare Bolt`,
          median: ms(time.ours.p50),
          p99: ms(time.ours.p99),
          baselineMedian: ms(time.base.p50),
          baselineP99: ms(time.base.p99),
          ratio: times(time.ours.p50 / time.base.p50),
        },
        {
          what: `RSS at idle, ${label}, vs bare Bolt`,
          median: mib(rss.ours.p50),
          p99: mib(rss.ours.p99),
          baselineMedian: mib(rss.base.p50),
          baselineP99: mib(rss.base.p99),
          ratio: times(rss.ours.p50 / rss.base.p50),
        },
      );
    }
  } finally {
    rmSync(dbDir, { recursive: true, force: true });
  }
  return { rows, loader };
}
