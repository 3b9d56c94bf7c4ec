import { runFanoutBench } from './fanout.js';
import { type Row, verdict } from './report.js';
import { ms, summarize, times } from './stats.js';
import {
  runAuthorisationBench,
  runWorkspacesFanout,
  WORKSPACE_LIMITS,
  type WorkspacesFanoutResult,
} from './workspaces-bench.js';

const WORKSPACES = 100;
const CHANNELS = 50;
const NOTICES = WORKSPACES * CHANNELS;
const GOAL = 1.2;
/**
 * The one-workspace side is scaled down: at 50/s, 5,000 notices in one workspace cannot take less than
 * 100 s, which would double the whole run. Its ratio to its floor is what compares (the same setup as the
 * notice fan-out row, measured again here so that this group stands alone with --only).
 */
const ONE_WORKSPACE_NOTICES = 1000;

const clean = (r: { lost: number; duplicated: number }): boolean => r.lost === 0 && r.duplicated === 0;

/** Issue 13's rows: one change-set to 100 workspaces at once vs one workspace, and authorisation's cost. */
export async function runWorkspacesRows(
  progress: (message: string) => void,
  notes: string[],
): Promise<Row[]> {
  const limit = WORKSPACE_LIMITS.workspacePerSecond;
  progress(`workspaces: ${WORKSPACES} × ${CHANNELS} channels, OAuth installs`);
  const many: WorkspacesFanoutResult = await runWorkspacesFanout(WORKSPACES, CHANNELS);
  progress(`workspaces: ${ONE_WORKSPACE_NOTICES.toLocaleString('en-US')} notices in one workspace`);
  const one = await runFanoutBench(ONE_WORKSPACE_NOTICES);
  progress('workspaces: slash commands, OAuth vs one token');
  const auth = await runAuthorisationBench();
  // Each workspace's 50 channels at 50/s, all workspaces at once; one workspace's notices at 50/s.
  const manyFloor = CHANNELS / limit;
  const oneFloor = ONE_WORKSPACE_NOTICES / limit;
  const oauth = summarize(auth.oauth.samples);
  const single = summarize(auth.single.samples);
  notes.push(
    `Workspace rows: the bot (SQLite store) in this process with the stand-in; ${WORKSPACES} workspaces installed through the stand-in's OAuth flow, each posting with its own token (${many.tokenMismatches} calls with another workspace's token), each rate-limited apart at 1 msg/s/channel and ${limit}/s. Slash commands: ${auth.workspaces} installed workspaces in turn vs one SLACK_BOT_TOKEN, both bots in this process.`,
  );
  const ratio = many.seconds / manyFloor;
  return [
    {
      what: `Fan-out to ${WORKSPACES} workspaces × ${CHANNELS} channels (${NOTICES.toLocaleString('en-US')} notices, OAuth, ${limit}/s per workspace), vs the ${manyFloor} s floor`,
      median: `${many.seconds.toFixed(1)} s`,
      p99: '—',
      baselineMedian: `${manyFloor} s`,
      ratio: times(ratio),
      goal: `≤ ${GOAL}×: ${verdict(ratio, GOAL, times)}; lost ${many.lost}, duplicated ${many.duplicated}, ${many.rateLimited} × 429: ${clean(many) ? 'met' : 'missed'}`,
    },
    {
      what: `The same kind of fan-out in one workspace (single token, ${limit}/s), scaled to ${ONE_WORKSPACE_NOTICES.toLocaleString('en-US')} notices (all ${NOTICES.toLocaleString('en-US')} would take ≥ ${NOTICES / limit} s), vs the ${oneFloor} s floor`,
      median: `${one.seconds.toFixed(1)} s`,
      p99: '—',
      baselineMedian: `${oneFloor} s`,
      ratio: times(one.seconds / oneFloor),
      goal: `lost ${one.lost}, duplicated ${one.duplicated}, ${one.rateLimited} × 429: ${clean(one) ? 'met' : 'missed'}`,
    },
    {
      what: `Slash command end to end, 16 clients (n=${oauth.n}), multi-workspace (OAuth, ${auth.workspaces} installs) vs single workspace`,
      median: ms(oauth.p50),
      p99: ms(oauth.p99),
      baselineMedian: ms(single.p50),
      baselineP99: ms(single.p99),
      ratio: times(oauth.p99 / single.p99),
    },
  ];
}
