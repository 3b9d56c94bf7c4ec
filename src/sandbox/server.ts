import { SlackStandin } from '@osm-feature-bot/slack-standin';
import type { Logger } from 'pino';
import { type BotOptions, type RunningBot, startBot } from '../bot.js';
import { type Config, DEFAULT_REGISTRY_MAX_BYTES } from '../config.js';
import { ConversationFeed } from './feed.js';
import { pageRoutes } from './routes.js';
import { UserActions } from './user-actions.js';
import { ANNOUNCE_CHANNEL, SANDBOX_CHANNELS } from './workspace.js';

export interface SandboxOptions {
  /** Port of the page (and of the stand-in's Web API); 0 picks a free one. */
  port: number;
  /** Interface to bind the page on (default 127.0.0.1). */
  host?: string;
  registryPath: string;
  databaseUrl: string;
  registryUrl?: string;
  registryPollSeconds?: number;
  /** The sandbox's own logger. */
  log: Logger;
  /** The bot's logger (default: `log`). main() passes a quieter one so the terminal stays readable. */
  botLog?: Logger;
  botOptions?: BotOptions;
}

export interface RunningSandbox {
  /** The page, e.g. http://localhost:3000 */
  url: string;
  standin: SlackStandin;
  bot: RunningBot;
  stop(): Promise<void>;
}

/**
 * The local sandbox: the project's one Slack stand-in serves the page and the Web API on `port`, and the
 * real app runs in HTTP mode in this process on an internal loopback port, with a signing secret and bot
 * token made up for this session. The stand-in signs every request it sends the app, exactly as Slack does.
 */
export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  // The page routes need the stand-in, and the stand-in takes its routes at start: filled in just below.
  let routes: ReturnType<typeof pageRoutes> | undefined;
  const standin = await SlackStandin.start({
    port: opts.port,
    host: opts.host ?? '127.0.0.1',
    channels: [...SANDBOX_CHANNELS],
    // A person clicking around never hits Slack's rate limits; notices are paced by the bot anyway.
    rateLimits: false,
    extraRoutes: (req, res) => (routes ? routes(req, res) : false),
  });
  const feed = new ConversationFeed(standin);
  routes = pageRoutes({ feed, actions: new UserActions(standin, feed), log: opts.log });

  const config: Config = {
    mode: { kind: 'http', botToken: standin.botToken, signingSecret: standin.signingSecret },
    slackApiUrl: standin.apiUrl,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'info',
    registryPath: opts.registryPath,
    registryPollSeconds: opts.registryPollSeconds ?? 300,
    registryMaxBytes: DEFAULT_REGISTRY_MAX_BYTES,
    databaseUrl: opts.databaseUrl,
    noticeChannels: [ANNOUNCE_CHANNEL],
    ...(opts.registryUrl ? { registryUrl: opts.registryUrl } : {}),
  };
  let bot: RunningBot;
  try {
    bot = await startBot(config, opts.botLog ?? opts.log, opts.botOptions);
  } catch (err) {
    feed.close();
    await standin.close();
    throw err;
  }
  // Only the stand-in talks to the app, over loopback, signed with this session's secret.
  standin.setAppUrl(`http://127.0.0.1:${bot.port ?? 0}`);
  const port = new URL(standin.baseUrl).port;
  let stopped = false;
  return {
    url: `http://localhost:${port}`,
    standin,
    bot,
    async stop() {
      if (stopped) return;
      stopped = true;
      feed.close();
      await bot.stop();
      await standin.close();
    },
  };
}
