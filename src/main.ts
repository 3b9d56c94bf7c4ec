import { startBot } from './bot.js';
import { ConfigError, loadConfig, secretsOf } from './config.js';
import { createLogger } from './logger.js';
import { formatRegistryError, RegistryLoadError } from './registry/load.js';

/** Exit codes: 0 clean stop, 1 start-up failure (bad registry, Slack refused), 2 bad configuration. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`osm-feature-bot: ${err.message}\n`);
      process.exit(err.exitCode);
    }
    throw err;
  }
  const log = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  if (config.mode.kind === 'sandbox') {
    process.stderr.write(
      'osm-feature-bot: no Slack credentials set. Set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode), ' +
        'or SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode). See README.md.\n',
    );
    process.exit(2);
  }
  try {
    const bot = await startBot(config, log);
    log.info({ mode: config.mode.kind, port: bot.port }, 'osm-feature-bot is running');
    let stopping = false;
    const shutdown = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down');
      bot.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  } catch (err) {
    if (err instanceof RegistryLoadError) {
      for (const e of err.errors) process.stderr.write(`${formatRegistryError(e)}\n`);
      process.exit(1);
    }
    log.fatal({ err }, 'could not start');
    process.stderr.write(
      `osm-feature-bot: could not start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  }
}

void main();
