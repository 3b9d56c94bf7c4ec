import type { Logger } from 'pino';
import { startBot } from './bot.js';
import {
  type Config,
  ConfigError,
  isSandbox,
  type LoadedConfig,
  loadConfig,
  type SandboxConfig,
  secretsOf,
} from './config.js';
import { INSTALL_PATH, REDIRECT_PATH } from './install/install-routes.js';
import { createLogger } from './logger.js';
import { formatRegistryError, RegistryLoadError } from './registry/load.js';
import { StoreOpenError } from './store/errors.js';

/** The sandbox keeps nothing between runs: a session's subscriptions and snapshot live in memory. */
const SANDBOX_DATABASE_URL = 'sqlite::memory:';

interface Running {
  stop(): Promise<void>;
}

/** Exit codes: 0 clean stop, 1 start-up failure (bad registry, Slack refused, port taken), 2 bad configuration. */
async function main(): Promise<void> {
  let config: LoadedConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`osm-feature-bot: ${err.message}\n`);
      process.exit(err.exitCode);
    }
    throw err;
  }
  const log = createLogger({ level: terminalLevel(config), secrets: secretsOf(config) });
  try {
    const running = isSandbox(config) ? await runSandbox(config, log) : await runBot(config, log);
    stopOnSignal(running, log);
  } catch (err) {
    if (err instanceof RegistryLoadError) {
      for (const e of err.errors) process.stderr.write(`${formatRegistryError(e)}\n`);
      process.exit(1);
    }
    if (err instanceof StoreOpenError) {
      process.stderr.write(`osm-feature-bot: ${err.message}\n`);
      process.exit(err.exitCode);
    }
    log.fatal({ err }, 'could not start');
    process.stderr.write(`osm-feature-bot: could not start: ${startFailure(err, config)}\n`);
    process.exit(1);
  }
}

async function runBot(config: Config, log: Logger): Promise<Running> {
  const bot = await startBot(config, log);
  log.info(
    {
      mode: config.mode.kind,
      port: bot.port,
      ...(config.mode.kind === 'oauth' ? { install: INSTALL_PATH, redirect: REDIRECT_PATH } : {}),
    },
    'osm-feature-bot is running',
  );
  return bot;
}

/**
 * No Slack credentials: the local sandbox, with the real app behind the Slack stand-in. The terminal gets
 * one line, the URL (see terminalLevel). The sandbox is imported here and only here, so that a bot talking to
 * Slack never loads the stand-in (nor its WebSocket server).
 */
async function runSandbox(config: SandboxConfig, log: Logger): Promise<Running> {
  const { startSandbox } = await import('./sandbox/server.js');
  const sandbox = await startSandbox({
    port: config.port,
    host: config.host,
    registryPath: config.registryPath,
    databaseUrl: SANDBOX_DATABASE_URL,
    registryPollSeconds: config.registryPollSeconds,
    ...(config.registryUrl ? { registryUrl: config.registryUrl } : {}),
    log,
  });
  process.stdout.write(
    `osm-feature-bot: no Slack credentials set, so the sandbox is running at ${sandbox.url} (Ctrl+C stops it)\n`,
  );
  return sandbox;
}

/**
 * The sandbox is for a person at a terminal: the app's info lines (registry loaded, shutting down) are kept
 * back there unless LOG_LEVEL asks for debug or trace; warnings and errors still show.
 */
function terminalLevel(config: LoadedConfig): Config['logLevel'] {
  if (!isSandbox(config)) return config.logLevel;
  return config.logLevel === 'info' ? 'warn' : config.logLevel;
}

/** A stop that takes longer than this has hung: the process exits anyway (Kubernetes would kill it at 30 s). */
const STOP_DEADLINE_MS = 27_000;

/**
 * SIGTERM or SIGINT: a graceful stop (requests received are answered, acknowledged work finished or handed
 * back, posts on the wire settled), then exit 0, within 25 s.
 */
function stopOnSignal(running: Running, log: Logger): void {
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error('the graceful stop did not finish in time; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** One line that says what to fix. */
function startFailure(err: unknown, config: LoadedConfig): string {
  if (err instanceof Error && 'code' in err && err.code === 'EADDRINUSE') {
    return `port ${config.port} is already in use; set PORT to another one (PORT=0 picks a free port)`;
  }
  return err instanceof Error ? err.message : String(err);
}

void main();
