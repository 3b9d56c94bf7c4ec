import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import type { SlackStandin } from '@osm-feature-bot/slack-standin';
import type { HostPorts } from './app-host.js';

export interface Host extends HostPorts {
  pid: number;
  /** The core the apps were pinned to, when taskset could pin them. */
  core?: number;
  stop(): Promise<void>;
}

/** The last core, when there are at least two and taskset exists: the load generator keeps the others. */
function pinnableCore(): number | undefined {
  const cores = availableParallelism();
  if (cores < 2) return undefined;
  const probe = spawnSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
  return probe.status === 0 ? cores - 1 : undefined;
}

/** Starts bench/app-host.ts (our bot and the Bolt baseline, in one process, on one core) against `standin`. */
export function startHost(standin: SlackStandin): Promise<Host> {
  return startPinnedHost<HostPorts>(standin, 'bench/app-host.ts');
}

/**
 * Starts a host script against `standin`, pinned to one core when it can be: the script prints one JSON
 * line of ports, then runs until its stdin closes.
 */
export async function startPinnedHost<Ports extends object>(
  standin: SlackStandin,
  script: string,
): Promise<Ports & Omit<Host, keyof HostPorts>> {
  const core = pinnableCore();
  const node = [process.execPath, '--import', 'tsx', script];
  const [command, ...args] = core === undefined ? node : ['taskset', '-c', String(core), ...node];
  const child: ChildProcess = spawn(command ?? process.execPath, args, {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: {
      ...process.env,
      BENCH_SLACK_API_URL: standin.apiUrl,
      BENCH_BOT_TOKEN: standin.botToken,
      BENCH_SIGNING_SECRET: standin.signingSecret,
    },
  });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`bench app host exited early (code ${String(code)})`);
  });
  const [first] = (await Promise.race([once(lines, 'line'), exited])) as [string];
  const ports = JSON.parse(first) as Ports;
  return {
    ...ports,
    pid: child.pid ?? 0,
    ...(core === undefined ? {} : { core }),
    async stop() {
      exited.catch(() => undefined);
      const done = once(child, 'exit');
      child.stdin?.end();
      await done;
    },
  };
}
