import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlackStandin, type StandinOptions } from '@osm-feature-bot/slack-standin';
import { pino } from 'pino';
import { type SingleWorkspaceBot, startBot } from '../../../src/bot.js';
import type { SingleWorkspaceConfig } from '../../../src/config.js';
import { configFor } from '../../harness/bot-config.js';

export interface BotUnderTest {
  standin: SlackStandin;
  bot: SingleWorkspaceBot;
  dir: string;
  registryPath: string;
  appUrl: string;
  close(): Promise<void>;
}

/** Test retry policy: fast, so a test never waits minutes for web-api's default backoff. */
export const FAST_RETRIES = { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20, randomize: false };

/** The real bot, over real HTTP, against a fresh Slack stand-in, with its own temp registry file and database. */
export async function startBotUnderTest(
  opts: { mode?: 'http' | 'socket'; standin?: StandinOptions; config?: Partial<SingleWorkspaceConfig> } = {},
): Promise<BotUnderTest> {
  const standin = await SlackStandin.start(opts.standin);
  const dir = mkdtempSync(join(tmpdir(), 'osm-bot-'));
  const registryPath = join(dir, 'features.yml');
  copyFileSync('tests/fixtures/registry/osm.yml', registryPath);
  const mode: SingleWorkspaceConfig['mode'] =
    opts.mode === 'socket'
      ? { kind: 'socket', botToken: standin.botToken, appToken: standin.appToken }
      : { kind: 'http', botToken: standin.botToken, signingSecret: standin.signingSecret };
  const config = configFor(standin, dir, { mode, registryPath, ...opts.config });
  let bot: SingleWorkspaceBot;
  try {
    bot = await startBot(config, pino({ level: 'silent' }), { retryConfig: FAST_RETRIES, stopQuietMs: 20 });
  } catch (err) {
    await standin.close();
    throw err;
  }
  const appUrl = `http://127.0.0.1:${bot.port ?? 0}`;
  if (mode.kind === 'http') standin.setAppUrl(appUrl);
  return {
    standin,
    bot,
    dir,
    registryPath,
    appUrl,
    async close() {
      await bot.stop();
      await standin.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
