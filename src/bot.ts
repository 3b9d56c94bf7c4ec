import type { Logger } from 'pino';
import { type AppOptions, createApp, type SlackApp } from './app.js';
import type { Config } from './config.js';
import type { ListenerDeps, RegistryProvider } from './listeners/deps.js';
import { loadRegistryFile, RegistryLoadError } from './registry/load.js';
import type { Registry } from './registry/schema.js';
import { openSqliteStore } from './store/sqlite-store.js';
import type { Store } from './store/store.js';

/** A running bot: what tests, the sandbox and main() hold on to. */
export interface RunningBot {
  port?: number;
  store: Store;
  registry: RegistryProvider;
  slack: SlackApp;
  stop(): Promise<void>;
}

export interface BotOptions extends AppOptions {
  now?: () => number;
}

/**
 * The composition root shared by main(), the sandbox, tests and benchmarks:
 * registry → store → Bolt app → listeners → start.
 */
export async function startBot(config: Config, log: Logger, opts: BotOptions = {}): Promise<RunningBot> {
  const loaded = await loadRegistryFile(config.registryPath);
  if (!loaded.ok) throw new RegistryLoadError(loaded.errors);
  const current: Registry = loaded.registry;
  const registry: RegistryProvider = { current: () => current };
  log.info({ features: current.features.length, path: config.registryPath }, 'registry loaded');

  const store = openSqliteStore(config.databaseUrl, opts.now ? { now: opts.now } : {});
  const deps: ListenerDeps = { registry, store, log, now: opts.now };
  const slack = createApp(config, deps, log, opts);
  let started: { port?: number };
  try {
    started = await slack.start();
  } catch (err) {
    store.close();
    throw err;
  }
  let stopped = false;
  return {
    port: started.port,
    store,
    registry,
    slack,
    async stop() {
      if (stopped) return;
      stopped = true;
      await slack.stop();
      store.close();
    },
  };
}
