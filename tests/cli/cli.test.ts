import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRegistry } from '../../src/registry/load.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = 'tests/fixtures/pages';
const REGISTRIES = 'tests/fixtures/registry';
/** The CLI reads the shipped data by default; these tests read frozen fixtures instead. */
const FIXTURE = ['--registry', `${REGISTRIES}/osm.yml`];
const MAPPING = ['--mapping', `${REGISTRIES}/osm-mapping.yml`];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a real process from the repository root. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'osm-feature-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('osm-feature validate', () => {
  it('accepts data/features.yml by default', async () => {
    const run = await cli('validate');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^data\/features\.yml: OK \(\d+ features\)\n$/);
  });

  it('accepts the upstream Markdown page', async () => {
    const run = await cli('validate', `${PAGES}/feature_lifecycle_v1.1.md`, ...MAPPING);
    expect(run).toMatchObject({ code: 0, stdout: `${PAGES}/feature_lifecycle_v1.1.md: OK (30 features)\n` });
  });

  it('rejects a bad file with file:line:col lines on stderr, exit 1', async () => {
    const run = await cli('validate', `${REGISTRIES}/bad-state.yml`);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      `${REGISTRIES}/bad-state.yml:13:12: unknown state "Gamma" (expected Alpha, Beta or Stable)`,
      `${REGISTRIES}/bad-state.yml:19:18: unknown state "Experimental" (expected Alpha, Beta or Stable)`,
    ]);
  });

  it('says so in one line when the file does not exist, exit 1', async () => {
    expect(await cli('validate', 'no-such.yml')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'osm-feature: cannot read no-such.yml: no such file\n',
    });
  });
});

describe('osm-feature ask', () => {
  it('lists the 21 stable features as terminal text', async () => {
    const run = await cli('ask', 'which features are stable?', ...FIXTURE);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Stable features in v1\.2 \(21\)\n=+\n/);
    expect(run.stdout.match(/^• /gm)).toHaveLength(21);
    expect(run.stdout).not.toMatch(/[*<>]|&amp;|:white_check_mark:/);
    expect(run.stdout).toContain('Source: OSM Feature Lifecycle (https://docs.openservicemesh.io/');
  });

  it('prints the Slack payload with --json', async () => {
    const run = await cli('ask', 'multicluster', '--json', ...FIXTURE);
    expect(run.code).toBe(0);
    const payload = JSON.parse(run.stdout) as { text: string; blocks: { type: string }[] };
    expect(payload.text).toContain('Multicluster: Alpha');
    expect(payload.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Multicluster' } });
  });

  it('answers from a Markdown registry as of a release', async () => {
    const run = await cli(
      'ask',
      'circuit breaking',
      '--registry',
      `${PAGES}/feature_lifecycle_v1.1.md`,
      ...MAPPING,
    );
    expect(run.stdout).toContain('State: 🧪 Alpha (Alpha since v1.1)');
  });

  it('says subscriptions only work in Slack, exit 2', async () => {
    const run = await cli('ask', 'subscribe multicluster');
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('subscriptions only work in Slack');
  });
});

describe('osm-feature diff', () => {
  it('v1.0 → v1.1: exactly one change, Circuit breaking added as Alpha; exit 3', async () => {
    const run = await cli('diff', `${REGISTRIES}/osm-v1.0.yml`, `${REGISTRIES}/osm-v1.1.yml`);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^OSM feature lifecycle update\n=+\n/);
    // Header, one change (with what Alpha promises, indented), source line.
    const [, change, source, ...rest] = run.stdout.trim().split('\n\n');
    expect(rest).toEqual([]);
    expect(change?.split('\n')[0]).toBe('Circuit breaking: added as 🧪 Alpha');
    expect(change?.split('\n')[1]).toMatch(/^ {2}Support: May not be backward compatible\./);
    expect(source).toMatch(/^Source: /);
    expect(run.stdout).toContain('v1.0 → v1.1');
  });

  it('reads the two Markdown pages the same way, and prints the payload with --json', async () => {
    const run = await cli(
      'diff',
      `${PAGES}/feature_lifecycle_v1.0.md`,
      `${PAGES}/feature_lifecycle_v1.1.md`,
      '--json',
      ...MAPPING,
    );
    expect(run.code).toBe(3);
    const payload = JSON.parse(run.stdout) as { text: string };
    expect(payload.text).toBe('OSM feature lifecycle update: Circuit breaking: added as Alpha.');
  });

  it('identical files: no changes, exit 0', async () => {
    const run = await cli('diff', `${REGISTRIES}/osm-v1.1.yml`, `${REGISTRIES}/osm-v1.1.yml`);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('No changes');
  });
});

describe('osm-feature import', () => {
  it('turns the seed page into YAML that validates, with a generated-file header', async () => {
    const out = join(tmp, 'seed.yml');
    const run = await cli(
      'import',
      `${PAGES}/feature_lifecycle_v1.0.md`,
      '--release',
      'v1.0',
      '-o',
      out,
      ...MAPPING,
    );
    expect(run).toMatchObject({ code: 0, stdout: '' });
    const yaml = await readFile(out, 'utf8');
    expect(yaml).toMatch(/^# Generated by `osm-feature import`/);
    const parsed = parseRegistry(yaml, out);
    expect(parsed.ok && parsed.registry.features).toHaveLength(29);
    expect(await cli('validate', out)).toMatchObject({ code: 0, stdout: `${out}: OK (29 features)\n` });
  });

  it('writes to stdout without -o, and matches the checked-in fixture', async () => {
    const run = await cli('import', `${PAGES}/feature_lifecycle_v1.1.md`, '--release', 'v1.1', ...MAPPING);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await readFile(`${ROOT}${REGISTRIES}/osm-v1.1.yml`, 'utf8'));
  });

  it('reports a broken page at its line and writes nothing, exit 1', async () => {
    const run = await cli('import', `${REGISTRIES}/good.yml`);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${REGISTRIES}/good.yml:1:1: missing section "## Feature versioning"`);
  });
});

describe('usage', () => {
  it.each([
    ['--help'],
    ['-h'],
    ['help'],
    ['validate', '--help'],
    ['ask', '-h'],
    ['diff', '--help'],
    ['import', '-h'],
  ])('%s prints usage, exit 0', async (...args) => {
    const run = await cli(...args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: osm-feature/);
  });

  it.each([
    [['frob'], 'unknown command "frob"'],
    [[], 'no command given'],
    [['validate', '--bogus'], "Unknown option '--bogus'"],
    [['diff', 'only-one.yml'], 'expected two files'],
    [['ask'], 'what should I answer?'],
    [['import', `${PAGES}/feature_lifecycle_v1.0.md`, '--release', 'v3.0'], 'is not one of the mapping'],
  ])('%j is a usage error on stderr, exit 2', async (args, message) => {
    const run = await cli(...args);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
