import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreOpenError } from '../../../src/store/errors.js';
import { applySqliteMigrations } from '../../../src/store/sqlite/migrations/apply.js';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations/index.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite/open-sqlite.js';
import { readOnlyMount } from '../../harness/read-only-mount.js';

const dirs: string[] = [];
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osm-sqlite-'));
  dirs.push(dir);
  return dir;
}
async function open(file: string, now?: () => number): Promise<SqliteStore> {
  const store = await openSqliteStore(file, now);
  stores.push(store);
  return store;
}
const WS = { teamId: 'T0LEGACY' };

describe('sqlite store specifics', () => {
  it('creates the parent folder and runs WAL, foreign keys, busy timeout 5000, synchronous NORMAL', async () => {
    const file = path.join(tempDir(), 'nested', 'deeper', 'bot.db');
    const store = await open(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(store.filename).toBe(file);
    expect(store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.raw.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.raw.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('applies migrations once across reopen, and refuses a database newer than the build', async () => {
    const file = path.join(tempDir(), 'bot.db');
    await (await open(file)).close();
    const db = new Database(file);
    expect(applySqliteMigrations(db, MIGRATIONS)).toBe(0);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, 0)').run('future');
    db.close();
    const failure = await openSqliteStore(file).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(StoreOpenError);
    expect(String((failure as Error).message)).toMatch(
      new RegExp(
        `^DATABASE_URL: the database schema is at version 99 but this build knows only up to ${MIGRATIONS.length}; upgrade the app$`,
      ),
    );
  });

  it('rolls a failing migration back whole and names it', () => {
    const db = new Database(':memory:');
    const bad = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE ok (x); SELECT * FROM nope;' },
    ];
    expect(() => applySqliteMigrations(db, bad)).toThrow(
      `migration ${MIGRATIONS.length + 1} "broken" failed`,
    );
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok'").get()).toBeUndefined();
    expect(() => applySqliteMigrations(db, [...MIGRATIONS].reverse())).toThrow(/ascending/);
    db.close();
  });

  it('names the table and id of a corrupted row', async () => {
    const store = await open(':memory:');
    await store.subscriptions.add(WS, { channelId: 'C1', filter: { kind: 'all' }, createdBy: 'U1' });
    store.raw.prepare('UPDATE subscriptions SET filter_key = \'{"kind":"nope"}\'').run();
    await expect(store.subscriptions.list(WS)).rejects.toThrow(/corrupt row in subscriptions \(id 1\)/);
  });

  it('stamps rows with the injected clock', async () => {
    let now = 1_000;
    const store = await open(':memory:', () => now);
    const { subscription } = await store.subscriptions.add(WS, {
      channelId: 'C1',
      filter: { kind: 'all' },
      createdBy: 'U1',
    });
    expect(subscription.createdAt).toBe(1_000);
    now = 5_000;
    await store.announcements.commit({
      changeSetId: 'cs',
      expectedHash: null,
      snapshot: {
        hash: 'h',
        registry: { source: { name: 's' }, states: {}, categories: [], features: [] } as never,
      },
      notices: [],
    });
    expect((await store.announcements.current())?.announcedAt).toBe(5_000);
  });

  it('migrates a database written by the previous build, keeping every subscription, snapshot and notice', async () => {
    const file = path.join(tempDir(), 'bot.db');
    fs.copyFileSync('tests/fixtures/store/written-by-v0.1.sqlite', file);
    const store = await open(file);
    // Before adoption the old rows belong to no workspace and are neither listed nor sent.
    expect(await store.subscriptions.listActive()).toEqual([]);
    expect(await store.outbox.claim({ worker: 'w', leaseMs: 1_000, limit: 10 })).toEqual([]);
    expect(await store.adoptLegacyRows(WS)).toBeGreaterThan(0);
    expect(
      (await store.subscriptions.list(WS, { includeInactive: true })).map((s) => [
        s.channelId,
        s.active,
        s.source,
      ]),
    ).toEqual([
      ['C0ALL', true, 'command'],
      ['C0VAULT', false, 'command'],
      ['C0CONF', true, 'config'],
    ]);
    const snapshot = await store.announcements.current();
    expect(snapshot?.hash).toBe('h-change');
    expect(snapshot?.registry?.features.length).toBeGreaterThan(0);
    expect(await store.announcements.last()).toMatchObject({
      summary: 'Multicluster: Alpha → Beta (promoted)',
    });
    expect(
      (await store.outbox.rows()).map((r) => [r.channelId, r.status, r.uncertain, r.deliveryId]),
    ).toEqual([
      ['C0ALL', 'sent', false, 'cs-change/T0LEGACY/C0ALL'],
      // Slack had answered with a ts before the crash: delivered.
      ['C0CONF', 'sent', false, 'cs-change/T0LEGACY/C0CONF'],
      // Cut off before Slack's answer: pending again, and checked against the channel before a second post.
      ['C0THIRD', 'pending', true, 'cs-change/T0LEGACY/C0THIRD'],
      ['C0FOURTH', 'pending', false, 'cs-change/T0LEGACY/C0FOURTH'],
    ]);
    expect(await store.homes.get(WS, 'U0ALICE')).toMatchObject({ prefs: { state: 'Beta' } });
    expect(await store.events.firstSeen(WS, 'Ev0LEGACY')).toBe(false);
    expect(await store.adoptLegacyRows(WS)).toBe(0);
  });

  it('keeps committed data after a process is killed mid-send; its lease expires and the row comes back uncertain', async () => {
    const file = path.join(tempDir(), 'bot.db');
    const script = path.join(tempDir(), 'crash.mjs');
    const module = pathToFileURL(
      path.resolve(import.meta.dirname, '../../../src/store/sqlite/open-sqlite.ts'),
    );
    fs.writeFileSync(
      script,
      `import { openSqliteStore } from ${JSON.stringify(module.href)};
const store = await openSqliteStore(${JSON.stringify(file)});
const ws = { teamId: 'T1' };
await store.subscriptions.add(ws, { channelId: 'C1', filter: { kind: 'all' }, createdBy: 'U1' });
await store.announcements.commit({ changeSetId: 'cs1', expectedHash: null,
  snapshot: { hash: 'h1', registry: { source: { name: 's' }, states: {}, categories: [], features: [] } },
  notices: [{ workspace: ws, channelId: 'C1', payload: { text: 't', blocks: [] } }] });
await store.outbox.claim({ worker: 'doomed', leaseMs: 60000, limit: 1 });
process.kill(process.pid, 'SIGKILL');
`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      timeout: 20_000,
      cwd: path.resolve(import.meta.dirname, '../../..'),
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.signal).toBe('SIGKILL');
    const store = await open(file);
    expect((await store.subscriptions.listActive()).map((s) => s.channelId)).toEqual(['C1']);
    expect(await store.outbox.rows()).toMatchObject([{ status: 'sending', leaseOwner: 'doomed' }]);
    expect(await store.outbox.claim({ worker: 'next', leaseMs: 2000, limit: 1 })).toEqual([]);
    const later = Date.now() + 61_000;
    expect(await store.outbox.claim({ worker: 'next', leaseMs: 2000, limit: 1, now: later })).toMatchObject([
      { uncertain: true, leaseOwner: 'next', attempts: 2 },
    ]);
  });
});

describe('a path that cannot hold the database', () => {
  it.each([
    [
      '/proc/osm-feature-bot/bot.db',
      /^DATABASE_URL: cannot use the SQLite database \/proc\/osm-feature-bot\/bot\.db: the folder does not exist and cannot be created$/,
    ],
    ['FILE/bot.db', /a part of the path is a file, not a folder$/],
  ])('%s: one line naming DATABASE_URL and why', async (where, message) => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'FILE'), 'not a folder');
    const file = where.startsWith('/') ? where : path.join(dir, where);
    const failure = await openSqliteStore(file).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(StoreOpenError);
    expect((failure as StoreOpenError).exitCode).toBe(2);
    expect((failure as Error).message).toMatch(message);
    expect((failure as Error).message).not.toContain('\n');
  });
});

const readOnly = readOnlyMount();
if (!readOnly)
  process.stderr.write('cannot mount a read-only tmpfs here (not root?): the read-only case is skipped\n');

describe.runIf(readOnly)('a read-only file system', () => {
  it('says so, naming DATABASE_URL, exit code 2', async () => {
    try {
      const failure = await openSqliteStore(path.join(readOnly?.dir ?? '', 'bot.db')).catch(
        (err: unknown) => err,
      );
      expect(failure).toBeInstanceOf(StoreOpenError);
      expect((failure as Error).message).toMatch(
        /^DATABASE_URL: cannot use the SQLite database .*: the file system is read-only$/,
      );
    } finally {
      readOnly?.cleanup();
    }
  });
});
