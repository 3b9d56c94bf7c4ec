import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Runs the real entry point as a process and returns its exit code and output. */
async function start(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...base, ...env },
      timeout: 15_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('start-up failures', () => {
  it('a bad variable: one line naming it, exit 2', async () => {
    const result = await start({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdefgh12', PORT: 'x' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/PORT: must be a port number/);
  });

  it('a bad registry: file:line:col: message, exit 1, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-start-'));
    dirs.push(dir);
    const file = join(dir, 'features.yml');
    writeFileSync(file, 'source:\n  name: x\nstates: [\n');
    const result = await start({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'abcdefgh12',
      REGISTRY_PATH: file,
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      LOG_LEVEL: 'silent',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${file.replaceAll('/', '\\/')}:\\d+:\\d+: `, 'm'));
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
