import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { createInterface } from 'node:readline';
import type { SlackStandin } from '@osm-feature-bot/slack-standin';

/** One bot process (tests/e2e/support/run-bot.ts) and the JSON lines it writes on stdout. */
export interface BotProcess {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  /** The HTTP port it listens on, once ready. */
  port: number;
  /** Resolves once `count` lines with this event have been written; rejects if the process exits first. */
  event(name: string, count?: number): Promise<void>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, as a node crash or an OOM kill would. */
  kill(): Promise<void>;
}

export interface BotProcessOptions {
  standin: SlackStandin;
  registryPath: string;
  databaseUrl: string;
  /** More environment (NOTICE_CHANNELS, TEST_* tunings). */
  env?: Record<string, string>;
  /** Point the stand-in's app URL at this process (the one Slack sends requests to). */
  receive?: boolean;
}

/** Every process a test started, so that afterEach can kill what is left. */
const started = new Set<ChildProcess>();

export async function killLeftovers(): Promise<void> {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
  started.clear();
}

/** Starts the real bot as its own process, against the stand-in, and waits until it is ready. */
export async function startBotProcess(opts: BotProcessOptions): Promise<BotProcess> {
  const { standin } = opts;
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/support/run-bot.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_BOT_TOKEN: standin.botToken,
      SLACK_SIGNING_SECRET: standin.signingSecret,
      SLACK_API_URL: standin.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      REGISTRY_PATH: opts.registryPath,
      DATABASE_URL: opts.databaseUrl,
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  const lines: Record<string, unknown>[] = [];
  const events = new EventEmitter();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(JSON.parse(line) as Record<string, unknown>);
    events.emit('line');
  });
  const event = (name: string, count = 1) =>
    new Promise<void>((resolve, reject) => {
      const look = (): void => {
        if (lines.filter((l) => l.event === name).length < count) return;
        cleanup();
        resolve();
      };
      const exited = (): void => {
        cleanup();
        reject(new Error(`bot exited before ${count} x ${name}; stderr:\n${stderr}`));
      };
      const cleanup = (): void => {
        events.off('line', look);
        child.off('exit', exited);
      };
      events.on('line', look);
      child.once('exit', exited);
      look();
    });
  await event('ready');
  const port = Number(lines.find((l) => l.event === 'ready')?.port ?? 0);
  if (opts.receive ?? true) standin.setAppUrl(`http://127.0.0.1:${port}`);
  return {
    child,
    lines,
    port,
    event,
    async stop() {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
    async kill() {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}
