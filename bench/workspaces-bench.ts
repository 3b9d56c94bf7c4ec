// Multi-workspace mode (OAuth installs) through the real bot and the Slack stand-in: one change-set fanned
// out to 100 installed workspaces of 50 channels each, every workspace with its own token and rate limits;
// and what authorising a request from its installation costs a slash command.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type RateLimitOptions, SlackStandin, type TeamSpec } from '@osm-feature-bot/slack-standin';
import { pino } from 'pino';
import { startBot } from '../src/bot.js';
import { editFile, noticesIn, promoteMulticluster } from '../tests/e2e/support/notices-harness.js';
import { CLIENT, type OAuthBot, startOAuthBot } from '../tests/e2e/support/oauth-bot.js';
import { configFor } from '../tests/harness/bot-config.js';
import type { FanoutResult } from './fanout.js';
import { QUESTIONS } from './questions.js';
import { LoopbackClient, type PreparedRequest, signedForm } from './signed-client.js';
import { closedLoop, interleaved, type LoadResult } from './stats.js';

export const WORKSPACE_LIMITS: RateLimitOptions = { perChannelPerSecond: 1, workspacePerSecond: 50 };

const teamId = (t: number): string => `T0W${String(t).padStart(3, '0')}`;
const channelId = (t: number, c: number): string =>
  `C0W${String(t).padStart(3, '0')}C${String(c).padStart(2, '0')}`;

function teams(count: number, channels: number): TeamSpec[] {
  return Array.from({ length: count }, (_, t) => ({
    id: teamId(t),
    name: `Bench ${t}`,
    installed: false,
    channels: Array.from({ length: channels }, (_, c) => ({ id: channelId(t, c), name: `bench-${c}` })),
  }));
}

/** The bot in multi-workspace mode, installed through OAuth (install page, authorize, redirect) into `count`. */
async function installedBot(count: number, channels: number, rateLimits: RateLimitOptions | false) {
  const standin = await SlackStandin.start({ oauth: CLIENT, teams: teams(count, channels), rateLimits });
  const bot = await startOAuthBot({ standin });
  for (let t = 0; t < count; t++) {
    const installed = await standin.install({ installUrl: bot.installUrl, team: teamId(t) });
    if (installed.status !== 200)
      throw new Error(`bench install of ${teamId(t)} answered ${installed.status}`);
  }
  return bot;
}

async function stopBot(t: OAuthBot): Promise<void> {
  await t.bot.stop();
  await t.standin.close();
  t.workspace.cleanup();
}

export interface WorkspacesFanoutResult extends FanoutResult {
  /** Calls the stand-in refused because a token was used for another workspace's channel. */
  tokenMismatches: number;
}

/** One registry change to `count` workspaces × `channels` subscribed channels, each paced by its own limits. */
export async function runWorkspacesFanout(count = 100, channels = 50): Promise<WorkspacesFanoutResult> {
  const t = await installedBot(count, channels, WORKSPACE_LIMITS);
  try {
    const ids: string[] = [];
    for (let w = 0; w < count; w++) {
      for (let c = 0; c < channels; c++) {
        ids.push(channelId(w, c));
        await t.bot.store.subscriptions.add(
          { teamId: teamId(w) },
          { channelId: channelId(w, c), filter: { kind: 'all' }, createdBy: 'U0BENCH' },
        );
      }
    }
    const committed = once(t.bot.notices, 'committed', { signal: AbortSignal.timeout(10_000) });
    editFile(t.workspace.registryPath, promoteMulticluster);
    await committed;
    const start = performance.now();
    await t.bot.notices.whenIdle();
    const seconds = (performance.now() - start) / 1000;
    const counts = ids.map((id) => noticesIn(t.standin, id).length);
    return {
      seconds,
      lost: counts.filter((n) => n === 0).length,
      duplicated: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      rateLimited: t.standin.callsTo('chat.postMessage').filter((c) => c.status === 429).length,
      tokenMismatches: t.standin.violations.filter((v) => v.error === 'token_team_mismatch').length,
    };
  } finally {
    await stopBot(t);
  }
}

export interface AuthorisationResult {
  oauth: LoadResult;
  single: LoadResult;
  workspaces: number;
}

const CLIENTS = 16;
const PER_BATCH = 400;
const ROUNDS = 5;
const SIDES = ['oauth', 'single'] as const;

function batch(client: LoopbackClient, requests: PreparedRequest[]): Promise<LoadResult> {
  return closedLoop(CLIENTS, PER_BATCH, async (i) => {
    const reply = await client.post(requests[i % requests.length] as PreparedRequest);
    if (reply.status !== 200 || reply.body === '') throw new Error(`slash command answered ${reply.status}`);
  });
}

/**
 * Signed /osm-feature commands at 16 concurrent clients, in rotating batches, to the bot in multi-workspace
 * mode (commands from `workspaces` installed workspaces in turn, each authorised from its installation) and
 * to the bot with one SLACK_BOT_TOKEN. Both bots run in this process.
 */
export async function runAuthorisationBench(workspaces = 10): Promise<AuthorisationResult> {
  const oauth = await installedBot(workspaces, 1, false);
  const plain = await SlackStandin.start({ rateLimits: false });
  const dir = mkdtempSync(join(tmpdir(), 'osm-bench-single-'));
  const single = await startBot(
    configFor(plain, dir, { registryPath: oauth.workspace.registryPath }),
    pino({ level: 'silent' }),
  );
  const clients = {
    oauth: new LoopbackClient(oauth.bot.port ?? 0, CLIENTS),
    single: new LoopbackClient(single.port ?? 0, CLIENTS),
  };
  const oauthResponse = oauth.standin.newResponseUrl();
  const singleResponse = plain.newResponseUrl();
  // Signed just before each batch: Bolt refuses timestamps older than five minutes.
  const requests = (side: (typeof SIDES)[number]): PreparedRequest[] =>
    side === 'oauth'
      ? Array.from({ length: workspaces }).flatMap((_, w) =>
          QUESTIONS.map((text) =>
            signedForm(
              oauth.standin.signingSecret,
              oauth.standin.buildCommandPayload(text, { team: teamId(w), response_url: oauthResponse }),
            ),
          ),
        )
      : QUESTIONS.map((text) =>
          signedForm(plain.signingSecret, plain.buildCommandPayload(text, { response_url: singleResponse })),
        );
  try {
    const run = (side: (typeof SIDES)[number]) => batch(clients[side], requests(side));
    for (const side of SIDES) await run(side); // warm-up, not recorded
    const pooled = await interleaved(ROUNDS, SIDES, run);
    return { ...pooled, workspaces };
  } finally {
    clients.oauth.close();
    clients.single.close();
    await single.stop();
    await plain.close();
    rmSync(dir, { recursive: true, force: true });
    await stopBot(oauth);
  }
}
