import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../../src/registry/schema.js';
import {
  openRegistrySource,
  RegistryGate,
  type RegistrySource,
} from '../../../src/sources/registry-source.js';
import { capturingLogger, when } from '../../harness/when.js';

const GOOD = readFileSync('tests/fixtures/registry/osm.yml', 'utf8');
const PROMOTED = GOOD.replace(
  /(id: multicluster[\s\S]*?state: )Alpha([\s\S]*?history: )\[\{ state: Alpha, since: v1.0 \}\]/,
  '$1Beta$2[{ state: Alpha, since: v1.0 }, { state: Beta, since: v1.2 }]',
);
const BROKEN = GOOD.replace('state: Stable', 'state: Gold');
const stateOf = (r: Registry, id: string) => r.features.find((f) => f.id === id)?.state;

describe('RegistryGate', () => {
  it('accepts a valid new text, ignores the same text and a comment-only edit, refuses an invalid one once', () => {
    const gate = new RegistryGate(undefined);
    expect(gate.offer(GOOD, 'f.yml').kind).toBe('accepted');
    expect(gate.offer(GOOD, 'f.yml').kind).toBe('same');
    expect(gate.offer(`# hello\n${GOOD}`, 'f.yml').kind).toBe('same');
    const refused = gate.offer(BROKEN, 'f.yml');
    expect(refused.kind).toBe('refused');
    if (refused.kind === 'refused')
      expect(refused.errors[0]).toMatchObject({
        file: 'f.yml',
        line: expect.any(Number),
        col: expect.any(Number),
      });
    expect(gate.offer(BROKEN, 'f.yml').kind).toBe('same');
    expect(gate.current && stateOf(gate.current, 'multicluster')).toBe('Alpha');
    expect(gate.offer(PROMOTED, 'f.yml').kind).toBe('accepted');
    expect(gate.current && stateOf(gate.current, 'multicluster')).toBe('Beta');
  });
});

describe('parseRegistrySource', () => {
  it('reads YAML, and OSM’s Feature Lifecycle page in Markdown', () => {
    const page = readFileSync('tests/fixtures/registry/feature_lifecycle.seed.md', 'utf8');
    expect(new RegistryGate(undefined).offer(page, 'feature_lifecycle.md')).toMatchObject({
      kind: 'accepted',
    });
    expect(new RegistryGate(undefined).offer(GOOD, 'features.yml')).toMatchObject({
      kind: 'accepted',
      warnings: [],
    });
  });
});

describe('file source', () => {
  let dir: string;
  let source: RegistrySource | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'osm-source-'));
  });
  afterEach(() => {
    source?.stop();
    source = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async (
    file: string,
    log = pino({ level: 'silent' }),
    fallback?: () => Registry | undefined,
  ) => {
    const stored = fallback;
    source = await openRegistrySource({
      path: file,
      pollSeconds: 300,
      log,
      debounceMs: 50,
      ...(stored ? { fallback: async () => stored() } : {}),
    });
    const changes: Registry[] = [];
    const waiters: (() => void)[] = [];
    source.watch((r) => {
      changes.push(r);
      for (const w of waiters.splice(0)) w();
    });
    const next = () =>
      new Promise<Registry>((resolve) => waiters.push(() => resolve(changes.at(-1) as Registry)));
    return { source, changes, next };
  };

  it('picks up a save within 2 s', async () => {
    const file = join(dir, 'features.yml');
    writeFileSync(file, GOOD);
    const { next } = await open(file);
    const started = Date.now();
    const changed = next();
    writeFileSync(file, PROMOTED);
    expect(stateOf(await changed, 'multicluster')).toBe('Beta');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('follows an editor that writes a temp file and renames it over the original, twice', async () => {
    const file = join(dir, 'features.yml');
    writeFileSync(file, GOOD);
    const { next, source: s } = await open(file);
    for (const [text, state] of [
      [PROMOTED, 'Beta'],
      [GOOD, 'Alpha'],
    ] as const) {
      const changed = next();
      writeFileSync(join(dir, '.features.yml.swp'), text);
      renameSync(join(dir, '.features.yml.swp'), file);
      expect(stateOf(await changed, 'multicluster')).toBe(state);
      expect(stateOf(s.current(), 'multicluster')).toBe(state);
    }
  });

  it('refuses an invalid save, logs file:line:col, keeps serving the last good registry', async () => {
    const file = join(dir, 'features.yml');
    writeFileSync(file, GOOD);
    const { lines, log, logged } = capturingLogger();
    const { next, source: s } = await open(file, log);
    const refused = logged('registry refused');
    writeFileSync(file, BROKEN);
    await refused;
    expect(lines.join('')).toMatch(
      new RegExp(`${file.replaceAll('/', '\\/')}:\\d+:\\d+: unknown state \\\\"Gold\\\\"`),
    );
    expect(stateOf(s.current(), 'osm-cli')).toBe('Stable');
    const changed = next();
    writeFileSync(file, PROMOTED);
    expect(stateOf(await changed, 'multicluster')).toBe('Beta');
  });

  it('at start: an invalid file with a stored registry serves the stored one; without, fails with the errors', async () => {
    const file = join(dir, 'features.yml');
    writeFileSync(file, BROKEN);
    await expect(
      openRegistrySource({ path: file, pollSeconds: 300, log: pino({ level: 'silent' }) }),
    ).rejects.toThrow(/features\.yml:\d+:\d+: unknown state "Gold"/);
    const gate = new RegistryGate(undefined);
    gate.offer(GOOD, 'stored');
    const { next, source: s } = await open(file, undefined, () => gate.current);
    expect(stateOf(s.current(), 'osm-cli')).toBe('Stable');
    const changed = next();
    writeFileSync(file, PROMOTED);
    expect(stateOf(await changed, 'multicluster')).toBe('Beta');
  });
});

describe('URL source', () => {
  let server: Server;
  let url: string;
  let body = GOOD;
  let requests: { ifNoneMatch?: string; status: number }[];
  const served = new EventEmitter();
  beforeEach(async () => {
    requests = [];
    body = GOOD;
    server = createServer((req, res) => {
      const etag = `"v${body.length}"`;
      if (req.headers['if-none-match'] === etag) {
        requests.push({ ifNoneMatch: etag, status: 304 });
        res.writeHead(304).end();
        served.emit('change');
        return;
      }
      requests.push({ status: 200 });
      res.writeHead(200, { etag, 'content-type': 'application/yaml' }).end(body);
      served.emit('change');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/features.yml`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends the ETag back, takes a 304 as "no change", and picks up a new version', async () => {
    const source = await openRegistrySource({
      path: '/nonexistent.yml',
      url,
      pollSeconds: 1,
      log: pino({ level: 'silent' }),
    });
    try {
      const changed = new Promise<Registry>((resolve) => source.watch(resolve));
      await when(served, () => requests.some((r) => r.status === 304));
      expect(requests[0]).toEqual({ status: 200 });
      expect(requests[1]).toMatchObject({ status: 304, ifNoneMatch: expect.stringMatching(/^"v\d+"$/) });
      body = PROMOTED;
      expect(stateOf(await changed, 'multicluster')).toBe('Beta');
    } finally {
      source.stop();
    }
  });
});
