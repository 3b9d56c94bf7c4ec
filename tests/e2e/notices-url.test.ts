import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SingleWorkspaceBot } from '../../src/bot.js';
import {
  isPostTo,
  noticesIn,
  noticeWorkspace,
  promoteMulticluster,
  startNoticeBot,
} from './support/notices-harness.js';

interface Served {
  status: number;
  ifNoneMatch?: string;
}

let standin: SlackStandin;
let ws: ReturnType<typeof noticeWorkspace>;
let bot: SingleWorkspaceBot | undefined;
let server: Server;
let url: string;
let body: string;
let failNext = false;
const served: Served[] = [];
const events = new EventEmitter();

/** Resolves once a request matching `match` has been served (already or later). */
function servedOne(match: (s: Served) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const look = (): void => {
      if (!served.some(match)) return;
      events.off('served', look);
      resolve();
    };
    events.on('served', look);
    look();
  });
}

beforeEach(async () => {
  served.length = 0;
  failNext = false;
  body = readFileSync('tests/fixtures/registry/osm.yml', 'utf8');
  server = createServer((req, res) => {
    const etag = `"${Buffer.byteLength(body)}-${body.length % 97}"`;
    let record: Served;
    if (failNext) {
      failNext = false;
      record = { status: 503 };
      res.writeHead(503).end('down for maintenance');
    } else if (req.headers['if-none-match'] === etag) {
      record = { status: 304, ifNoneMatch: etag };
      res.writeHead(304, { etag }).end();
    } else {
      record = { status: 200 };
      res
        .writeHead(200, {
          etag,
          'last-modified': new Date(0).toUTCString(),
          'content-type': 'application/yaml',
        })
        .end(body);
    }
    served.push(record);
    events.emit('served');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/features.yml`;
  standin = await SlackStandin.start({ channels: [{ id: 'C0ONE', name: 'one' }] });
  ws = noticeWorkspace();
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await standin.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  ws.cleanup();
});

it('REGISTRY_URL: polls with ETag (304 when unchanged), rides out a failed fetch, announces a new version once', async () => {
  const started = await startNoticeBot(standin, ws, { registryUrl: url, registryPollSeconds: 1 });
  bot = started.bot;
  await bot.store.subscriptions.add(bot.workspace, {
    channelId: 'C0ONE',
    filter: { kind: 'all' },
    createdBy: 'U0USER',
  });
  expect(served[0]).toEqual({ status: 200 });

  await servedOne((s) => s.status === 304);
  expect(served.find((s) => s.status === 304)?.ifNoneMatch).toMatch(/^"\d+-\d+"$/);

  failNext = true;
  await started.logs.logged('registry fetch failed');
  expect(bot.registry.current().features.length).toBeGreaterThan(0);

  body = promoteMulticluster(body);
  await standin.waitForCall(isPostTo('C0ONE'), { timeoutMs: 10_000 });
  await bot.notices.whenIdle();
  expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
  expect(bot.registry.current().features.find((f) => f.id === 'multicluster')?.state).toBe('Beta');
  await servedOne(
    (s) => s.status === 304 && served.indexOf(s) > served.findLastIndex((x) => x.status === 200),
  );
  expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
});

it('REGISTRY_URL behind a flapping CDN: nothing announced while versions alternate, one notice once it settles', async () => {
  const old = body;
  const promoted = promoteMulticluster(old);
  let flapping = true;
  let answers = 0;
  // Each edge answers in full, old and new in turn, as a CDN does mid-rollout.
  server.removeAllListeners('request');
  server.on('request', (_req, res) => {
    answers += 1;
    const next = answers === 1 ? old : flapping && answers % 2 === 1 ? old : promoted;
    res.writeHead(200, { 'content-type': 'application/yaml' }).end(next);
    served.push({ status: 200 });
    events.emit('served');
  });
  const started = await startNoticeBot(standin, ws, { registryUrl: url, registryPollSeconds: 0.02 });
  bot = started.bot;
  await bot.store.subscriptions.add(bot.workspace, {
    channelId: 'C0ONE',
    filter: { kind: 'all' },
    createdBy: 'U0USER',
  });
  await servedOne(() => served.length >= 20);
  await bot.notices.whenIdle();
  expect(noticesIn(standin, 'C0ONE')).toHaveLength(0);
  expect(bot.registry.current().features.find((f) => f.id === 'multicluster')?.state).toBe('Alpha');
  flapping = false;
  await standin.waitForCall(isPostTo('C0ONE'), { timeoutMs: 10_000 });
  const settledAt = served.length;
  await servedOne(() => served.length >= settledAt + 10);
  await bot.notices.whenIdle();
  expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
  expect(bot.registry.current().features.find((f) => f.id === 'multicluster')?.state).toBe('Beta');
});
