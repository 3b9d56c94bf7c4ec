import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

/** What the numbers were measured on; load average matters on a shared machine. */
export function machineDetails(): string[] {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  return [
    `CPU: ${cpu}, ${availableParallelism()} cores; memory ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `Node ${process.version} on ${process.platform}/${process.arch}`,
    `Date: ${new Date().toISOString()}; load average at start: ${load}`,
    `Commit: ${gitCommit()}`,
  ];
}
