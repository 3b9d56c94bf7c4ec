import { randomBytes } from 'node:crypto';
import { SlackStandin, type StandinOptions } from '@osm-feature-bot/slack-standin';
import { type BotOptions, type RunningBot, startBot } from '../../../src/bot.js';
import { type Config, DEFAULT_REGISTRY_MAX_BYTES, type OAuthMode, secretsOf } from '../../../src/config.js';
import { captureLogs, type LogCapture, noticeWorkspace } from './notices-harness.js';

export const CLIENT = { clientId: '111.222', clientSecret: 'client-secret-for-tests' };
export const STATE_SECRET = 'state-secret-for-tests-0123456789';

/** Two workspaces that start without the app; the bot is installed into them through OAuth. */
export const TWO_TEAMS: NonNullable<StandinOptions['teams']> = [
  {
    id: 'T0AAA',
    name: 'Acme & <Co>',
    installed: false,
    channels: [
      { id: 'C0AAAGEN', name: 'general' },
      { id: 'C0AAAOPS', name: 'ops' },
    ],
    users: [{ id: 'U0AAAADMIN', name: 'ada', isAdmin: true }],
  },
  {
    id: 'T0BBB',
    name: 'Beta',
    installed: false,
    channels: [{ id: 'C0BBBGEN', name: 'general' }],
    users: [{ id: 'U0BBBUSER', name: 'bob' }],
  },
];

export interface OAuthBotOptions {
  standin?: SlackStandin;
  teams?: StandinOptions['teams'];
  oauth?: Partial<NonNullable<StandinOptions['oauth']>>;
  key?: Buffer;
  previousKey?: Buffer;
  /** Share a database (and registry file) with another bot: another replica. */
  workspace?: ReturnType<typeof noticeWorkspace>;
  databaseUrl?: string;
  bot?: BotOptions;
  /** What the captured log keeps (default info). */
  logLevel?: 'info' | 'debug';
}

export interface OAuthBot {
  standin: SlackStandin;
  bot: RunningBot;
  logs: LogCapture;
  appUrl: string;
  installUrl: string;
  key: Buffer;
  workspace: ReturnType<typeof noticeWorkspace>;
  config: Config;
}

/** The real bot in multi-workspace mode, over real HTTP, against the stand-in with OAuth on. */
export async function startOAuthBot(opts: OAuthBotOptions = {}): Promise<OAuthBot> {
  const standin =
    opts.standin ??
    (await SlackStandin.start({ oauth: { ...CLIENT, ...opts.oauth }, teams: opts.teams ?? TWO_TEAMS }));
  const workspace = opts.workspace ?? noticeWorkspace();
  const key = opts.key ?? randomBytes(32);
  const mode: OAuthMode = {
    kind: 'oauth',
    ...CLIENT,
    signingSecret: standin.signingSecret,
    stateSecret: STATE_SECRET,
    encryptionKey: key,
    ...(opts.previousKey ? { previousEncryptionKey: opts.previousKey } : {}),
    authorizationUrl: standin.authorizationUrl,
  };
  const config: Config = {
    mode,
    slackApiUrl: standin.apiUrl,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'info',
    registryPath: workspace.registryPath,
    registryPollSeconds: 300,
    registryMaxBytes: DEFAULT_REGISTRY_MAX_BYTES,
    databaseUrl: opts.databaseUrl ?? workspace.databaseUrl,
    noticeChannels: [],
  };
  const { log, logs } = captureLogs(opts.logLevel, secretsOf(config));
  const bot = await startBot(config, log, {
    registryDebounceMs: 50,
    stopQuietMs: 20,
    retryConfig: { retries: 0 },
    ...opts.bot,
  });
  const appUrl = `http://127.0.0.1:${bot.port ?? 0}`;
  standin.setAppUrl(appUrl);
  return { standin, bot, logs, appUrl, installUrl: `${appUrl}/slack/install`, key, workspace, config };
}
