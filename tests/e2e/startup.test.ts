import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readOnlyMount } from '../harness/read-only-mount.js';

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

  /**
   * An unusable DATABASE_URL path, through the real entry point. These tests run as root, where a chmod
   * does not deny anything, so each cause comes from a place that refuses even root: sysfs refuses new
   * files (permission denied), a regular file cannot hold a folder, and a tmpfs mounted read-only (where
   * this machine allows mounting) is a read-only file system.
   */
  const readOnly = readOnlyMount();
  const databasePaths: [string, () => string, RegExp][] = [
    ['permission denied', () => '/sys/osm-feature-bot.db', /: permission denied$/],
    [
      'a file in the path',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'osm-start-'));
        dirs.push(dir);
        writeFileSync(join(dir, 'FILE'), 'not a folder');
        return join(dir, 'FILE', 'bot.db');
      },
      /: a part of the path is a file, not a folder$/,
    ],
  ];
  if (readOnly)
    databasePaths.push([
      'a read-only file system',
      () => join(readOnly.dir, 'bot.db'),
      /: the file system is read-only$/,
    ]);
  else
    process.stderr.write('cannot mount a read-only tmpfs here: the read-only DATABASE_URL case is skipped\n');
  afterAll(() => readOnly?.cleanup());

  it.each(databasePaths)(
    'an unusable DATABASE_URL (%s): one line naming it and the cause, exit 2',
    async (_what, where, cause) => {
      const file = where();
      const result = await start({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 'abcdefgh12',
        DATABASE_URL: `sqlite:${file}`,
        LOG_LEVEL: 'silent',
      });
      expect(result.code).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^osm-feature-bot: DATABASE_URL: cannot use the SQLite database /);
      expect(lines[0]).toMatch(cause);
    },
  );
});
