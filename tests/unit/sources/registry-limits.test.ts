import { EventEmitter } from 'node:events';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Logger, pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../../src/registry/schema.js';
import {
  openRegistrySource,
  type RegistrySource,
  type RegistrySourceOptions,
} from '../../../src/sources/registry-source.js';
import { capturingLogger, when } from '../../harness/when.js';

const GOOD = readFileSync('tests/fixtures/registry/osm.yml', 'utf8');
const PROMOTED = GOOD.replace(
  /(id: multicluster[\s\S]*?state: )Alpha([\s\S]*?history: )\[\{ state: Alpha, since: v1.0 \}\]/,
  '$1Beta$2[{ state: Alpha, since: v1.0 }, { state: Beta, since: v1.2 }]',
);
const stateOf = (r: Registry, id: string) => r.features.find((f) => f.id === id)?.state;

/** An HTTP server whose answer for each request the test decides. */
async function serve(
  answer: (n: number, res: import('node:http').ServerResponse) => void,
): Promise<{ url: string; served: EventEmitter; count: () => number; close(): Promise<void> }> {
  const served = new EventEmitter();
  let n = 0;
  const server: Server = createServer((_req, res) => {
    n += 1;
    answer(n, res);
    served.emit('change');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/features.yml`,
    served,
    count: () => n,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A source following `url` (polled every 20 ms unless `extra` says otherwise), stopped after the test. */
async function urlSource(
  url: string,
  log: Logger,
  extra: Partial<RegistrySourceOptions> = {},
): Promise<RegistrySource> {
  const source = await openRegistrySource({
    path: '/nonexistent.yml',
    url,
    pollSeconds: 0.02,
    log,
    ...extra,
  });
  cleanups.push(() => source.stop());
  return source;
}

function track(source: RegistrySource): RegistrySource {
  cleanups.push(() => source.stop());
  return source;
}

describe('REGISTRY_MAX_BYTES on a URL', () => {
  it('cancels a body that streams past the cap, without reading the rest, and says why', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let written = 0;
    const ended = new EventEmitter();
    let aborted = false;
    const server = await serve((n, res) => {
      if (n === 1) {
        res.writeHead(200, { 'content-type': 'application/yaml' }).end(GOOD);
        return;
      }
      // 50 MB without a Content-Length, written only as fast as the client reads.
      res.writeHead(200, { 'content-type': 'application/yaml' });
      res.on('close', () => {
        aborted = !res.writableFinished;
        ended.emit('change');
      });
      const pump = (): void => {
        while (written < 50 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    cleanups.push(server.close);
    const { log, logged } = capturingLogger('info');
    const maxBytes = 1024 * 1024;
    const source = await urlSource(server.url, log, { maxBytes });
    const changes: Registry[] = [];
    source.watch((r) => changes.push(r));
    await logged('larger than REGISTRY_MAX_BYTES (1048576 bytes)');
    await when(ended, () => aborted);
    // What the server got out before the client gave up: the cap plus what sockets buffer, not 50 MB.
    expect(written).toBeLessThan(20 * 1024 * 1024);
    expect(changes).toEqual([]);
    expect(stateOf(source.current(), 'multicluster')).toBe('Alpha');
  });

  it('refuses a body whose Content-Length is over the cap before reading it', async () => {
    const server = await serve((n, res) => {
      if (n === 1) res.writeHead(200).end(GOOD);
      else res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) }).end('x'.repeat(2048));
    });
    cleanups.push(server.close);
    const { log, logged, lines } = capturingLogger('info');
    const source = await urlSource(server.url, log, { maxBytes: 1024 * 1024 });
    source.watch(() => undefined);
    await logged('the body is 10485760 bytes, larger than REGISTRY_MAX_BYTES (1048576 bytes)');
    expect(lines.filter((l) => l.includes('REGISTRY_MAX_BYTES'))[0]?.split('\n').length).toBe(2); // one line
  });

  it('gives up on a server that never finishes its answer, and says it timed out', async () => {
    const server = await serve((n, res) => {
      if (n === 1) res.writeHead(200).end(GOOD);
      else res.writeHead(200).write('source:\n'); // and never more
    });
    cleanups.push(server.close);
    const { log, logged } = capturingLogger('info');
    const source = await urlSource(server.url, log, { fetchTimeoutMs: 100 });
    source.watch(() => undefined);
    await logged('no complete answer within 100 ms (timed out)');
  });
});

describe('a registry URL whose CDN flaps between two versions', () => {
  it('announces nothing while polls alternate, then once when the new version holds', async () => {
    let settled = false;
    const server = await serve((n, res) => {
      // Start: GOOD. Then PROMOTED, GOOD, PROMOTED… (no validators: a CDN edge answers in full).
      const body = n === 1 ? GOOD : settled || n % 2 === 0 ? PROMOTED : GOOD;
      res.writeHead(200, { 'content-type': 'application/yaml' }).end(body);
    });
    cleanups.push(server.close);
    const { log } = capturingLogger('info');
    const source = await urlSource(server.url, log, { pollSeconds: 0.01 });
    const changes = new EventEmitter();
    const seen: Registry[] = [];
    source.watch((r) => {
      seen.push(r);
      changes.emit('change');
    });
    await when(server.served, () => server.count() >= 12);
    expect(seen).toEqual([]);
    settled = true;
    await when(changes, () => seen.length >= 1);
    const after = server.count();
    await when(server.served, () => server.count() >= after + 4);
    expect(seen).toHaveLength(1);
    expect(stateOf(seen[0] as Registry, 'multicluster')).toBe('Beta');
  });

  it('takes a 304 against the new version’s ETag as the second sighting', async () => {
    const server = await serve((n, res) => {
      if (n === 1) return void res.writeHead(200, { etag: '"a"' }).end(GOOD);
      if (n === 2) return void res.writeHead(200, { etag: '"b"' }).end(PROMOTED);
      res.writeHead(304).end();
    });
    cleanups.push(server.close);
    const { log } = capturingLogger('info');
    const source = await urlSource(server.url, log);
    const changed = new Promise<Registry>((resolve) => source.watch(resolve));
    expect(stateOf(await changed, 'multicluster')).toBe('Beta');
    expect(server.count()).toBe(3);
  });
});

describe('REGISTRY_MAX_BYTES on a file', () => {
  it('refuses a file over the cap at start (no fallback), naming the cap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-cap-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'features.yml');
    writeFileSync(file, GOOD);
    await expect(
      openRegistrySource({ path: file, pollSeconds: 300, log: pino({ level: 'silent' }), maxBytes: 1024 }),
    ).rejects.toThrow(/larger than REGISTRY_MAX_BYTES \(1024 bytes\)/);
  });

  it('refuses a saved file that grew over the cap, keeping the last good registry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-cap-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'features.yml');
    writeFileSync(file, GOOD);
    const { log, logged } = capturingLogger('info');
    const maxBytes = Buffer.byteLength(GOOD) + 100;
    const source = track(
      await openRegistrySource({ path: file, pollSeconds: 300, log, maxBytes, debounceMs: 10 }),
    );
    source.watch(() => undefined);
    writeFileSync(file, `${PROMOTED}\n# ${'x'.repeat(200)}\n`);
    await logged(`larger than REGISTRY_MAX_BYTES (${maxBytes} bytes)`);
    expect(stateOf(source.current(), 'multicluster')).toBe('Alpha');
  });
});

describe('a registry file in a Kubernetes ConfigMap volume', () => {
  it('reloads when the ..data symlink is swapped atomically, as the kubelet updates the volume', async () => {
    // The kubelet's layout: features.yml → ..data/features.yml, ..data → ..<timestamp>/.
    const dir = mkdtempSync(join(tmpdir(), 'osm-configmap-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, '..2026_01_01_00_00_00.1'));
    writeFileSync(join(dir, '..2026_01_01_00_00_00.1', 'features.yml'), GOOD);
    symlinkSync('..2026_01_01_00_00_00.1', join(dir, '..data'));
    symlinkSync('..data/features.yml', join(dir, 'features.yml'));
    const source = track(
      await openRegistrySource({
        path: join(dir, 'features.yml'),
        pollSeconds: 300,
        log: pino({ level: 'silent' }),
        debounceMs: 10,
      }),
    );
    const changed = new Promise<Registry>((resolve) => source.watch(resolve));
    // An update: the new version in a new folder, a new symlink beside ..data, renamed over it.
    mkdirSync(join(dir, '..2026_01_01_00_05_00.2'));
    writeFileSync(join(dir, '..2026_01_01_00_05_00.2', 'features.yml'), PROMOTED);
    symlinkSync('..2026_01_01_00_05_00.2', join(dir, '..data_tmp'));
    renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
    rmSync(join(dir, '..2026_01_01_00_00_00.1'), { recursive: true });
    expect(stateOf(await changed, 'multicluster')).toBe('Beta');
  });
});
