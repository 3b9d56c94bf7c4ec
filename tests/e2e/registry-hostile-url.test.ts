import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, describe, expect, it } from 'vitest';
import { killLeftovers, startBotProcess } from './support/bot-process.js';

const GOOD = readFileSync('tests/fixtures/registry/osm.yml', 'utf8');
const BODY_BYTES = 50 * 1024 * 1024;

let standin: SlackStandin | undefined;
let server: Server | undefined;
let dir: string | undefined;
afterEach(async () => {
  await killLeftovers();
  await standin?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
  standin = undefined;
  server = undefined;
  dir = undefined;
});

/** A process's peak resident memory so far (VmHWM), in bytes; Linux only. */
function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]);
  return kb * 1024;
}

describe('a registry URL serving 50 MB (a real bot process)', () => {
  it('refuses the body while it streams: memory stays bounded and answers keep coming', async () => {
    const aborted = new EventEmitter();
    let sentBytes = 0;
    let bigRequests = 0;
    let cut = false;
    server = createServer((_req, res: ServerResponse) => {
      bigRequests += 1;
      if (bigRequests === 1) {
        res.writeHead(200, { 'content-type': 'application/yaml' }).end(GOOD);
        return;
      }
      // 50 MB of YAML-looking text, no Content-Length: only reading it tells how big it is.
      res.writeHead(200, { 'content-type': 'application/yaml' });
      const chunk = Buffer.from(`# ${'x'.repeat(1021)}\n`.repeat(64));
      res.on('close', () => {
        if (!res.writableFinished) {
          cut = true;
          aborted.emit('cut');
        }
      });
      const pump = (): void => {
        while (sentBytes < BODY_BYTES) {
          sentBytes += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/big.yml`;
    standin = await SlackStandin.start();
    dir = mkdtempSync(join(tmpdir(), 'osm-big-'));
    const bot = await startBotProcess({
      standin,
      registryPath: 'tests/fixtures/registry/osm.yml',
      databaseUrl: `sqlite:${join(dir, 'bot.db')}`,
      env: { REGISTRY_URL: url, REGISTRY_POLL_SECONDS: '1' },
    });
    const pid = bot.child.pid ?? 0;
    const before = peakRss(pid);
    if (!cut) await new Promise((resolve) => aborted.once('cut', resolve));
    // The bot cut the body off soon after the cap (5 MiB), far from 50 MB.
    expect(sentBytes).toBeLessThan(BODY_BYTES / 2);
    const res = await standin.sendCommand('multicluster');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Alpha');
    const after = peakRss(pid);
    process.stderr.write(
      `registry-hostile-url: peak RSS ${Math.round(before / 2 ** 20)} MiB before the 50 MB body, ${Math.round(after / 2 ** 20)} MiB after; ${Math.round(sentBytes / 2 ** 20)} MiB sent before the bot cut it\n`,
    );
    expect(after).toBeLessThan(256 * 2 ** 20);
    expect(after - before).toBeLessThan(48 * 2 ** 20);
    expect(bot.child.exitCode).toBeNull();
  });
});
