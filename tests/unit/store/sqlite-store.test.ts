import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../../src/store/database-url.js';
import { applySqliteMigrations } from '../../../src/store/migrations/apply-sqlite.js';
import { MIGRATIONS } from '../../../src/store/migrations/index.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';
import { runStoreContract } from './store-contract.js';

const tempDirs: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osm-store-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

runStoreContract('sqlite file', () => openSqliteStore(`sqlite:${path.join(tempDir(), 'bot.db')}`));
runStoreContract('sqlite :memory:', () => openSqliteStore('sqlite::memory:'));

describe('sqlite store specifics', () => {
  const open: SqliteStore[] = [];
  const openStore = (url: string, now?: () => number): SqliteStore => {
    const store = openSqliteStore(url, now ? { now } : {});
    open.push(store);
    return store;
  };
  afterEach(() => {
    for (const store of open.splice(0)) store.close();
  });
  const migrationCount = (store: SqliteStore) =>
    store.db.prepare('SELECT count(*) AS n FROM schema_migrations').pluck().get();

  it('creates the parent folder and runs WAL, foreign keys, busy timeout 5000, synchronous NORMAL', () => {
    const file = path.join(tempDir(), 'nested', 'deeper', 'bot.db');
    const store = openStore(`sqlite:${file}`);
    expect(store.filename).toBe(file);
    expect(fs.existsSync(file)).toBe(true);
    const pragma = (name: string) => store.db.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('busy_timeout')).toBe(5000);
    expect(pragma('synchronous')).toBe(1);
  });

  it('applies migrations once across reopen, and only new ones later', () => {
    const url = `sqlite:${path.join(tempDir(), 'bot.db')}`;
    const first = openStore(url);
    first.setMeta('k', 'v');
    expect(migrationCount(first)).toBe(MIGRATIONS.length);
    first.close();
    const second = openStore(url);
    expect(migrationCount(second)).toBe(MIGRATIONS.length);
    expect(second.getMeta('k')).toBe('v');
    const next = {
      version: 1000,
      name: 'add-notes',
      sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT;',
    };
    expect(applySqliteMigrations(second.db, [...MIGRATIONS, next])).toBe(1);
    expect(applySqliteMigrations(second.db, [...MIGRATIONS, next])).toBe(0);
    expect(migrationCount(second)).toBe(MIGRATIONS.length + 1);
  });

  it('rolls a failing migration back whole and names it', () => {
    const store = openStore('sqlite::memory:');
    const broken = { version: 1000, name: 'half-done', sql: 'CREATE TABLE notes (id INTEGER); NOT SQL;' };
    expect(() => applySqliteMigrations(store.db, [...MIGRATIONS, broken])).toThrow(
      /migration 1000 "half-done"/,
    );
    expect(store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").get()).toBeUndefined();
    expect(migrationCount(store)).toBe(MIGRATIONS.length);
  });

  it('refuses out-of-order migrations and a database newer than the build', () => {
    const store = openStore('sqlite::memory:');
    const dup = { version: 1, name: 'dup', sql: '' };
    expect(() => applySqliteMigrations(store.db, [...MIGRATIONS, dup])).toThrow(/ascending/);
    expect(() => applySqliteMigrations(store.db, [])).toThrow(/version 1 but this build knows only up to 0/);
  });

  it('names the table and id of a corrupted row', () => {
    const store = openStore('sqlite::memory:');
    const { subscription } = store.addSubscription({
      channelId: 'C1',
      filter: { kind: 'all' },
      createdBy: 'U1',
    });
    store.db.prepare("UPDATE subscriptions SET filter_key = '{oops' WHERE id = ?").run(subscription.id);
    expect(() => store.listSubscriptions()).toThrow(
      new RegExp(`corrupt row in subscriptions \\(id ${subscription.id}\\).*not valid JSON`, 's'),
    );
    store.db
      .prepare(`UPDATE subscriptions SET filter_key = '{"kind":"colour"}' WHERE id = ?`)
      .run(subscription.id);
    expect(() => store.listSubscriptions()).toThrow(/corrupt row in subscriptions/);
    // CHECK constraints normally keep a bad status out; switch them off to play a hand-edited database.
    store.commitChangeSet({ changeSetId: 'cs', snapshot: { hash: 'h', registryJson: '{}' }, notices: [] });
    store.db.pragma('ignore_check_constraints = ON');
    store.db
      .prepare(
        "INSERT INTO outbox (change_set_id, channel_id, payload_json, status, not_before, created_at, updated_at) VALUES ('cs', 'C1', '{}', 'lost', 0, 0, 0)",
      )
      .run();
    expect(() => store.outboxRows()).toThrow(/corrupt row in outbox \(id \d+\).*status/s);
  });

  it('uses the injected clock and orders subscriptions by createdAt before id', () => {
    let now = 5_000;
    const store = openStore('sqlite::memory:', () => now);
    const late = store.addSubscription({ channelId: 'C1', filter: { kind: 'all' }, createdBy: 'U1' });
    now = 1_000;
    const early = store.addSubscription({ channelId: 'C1', filter: { kind: 'removals' }, createdBy: 'U1' });
    expect(store.listSubscriptions().map((s) => s.id)).toEqual([early.subscription.id, late.subscription.id]);
    store.commitChangeSet({ changeSetId: 'cs', snapshot: { hash: 'h', registryJson: '{}' }, notices: [] });
    expect(store.getSnapshot()?.announcedAt).toBe(1_000);
    store.markEventSeen('Ev1');
    now = 2_000;
    expect(store.trimEvents(500)).toBe(1);
  });

  it('keeps committed data and requeues in-flight rows after a process is killed mid-send', () => {
    const file = path.join(tempDir(), 'bot.db');
    const script = path.join(tempDir(), 'crash.mjs');
    const storeModule = pathToFileURL(
      path.resolve(import.meta.dirname, '../../../src/store/sqlite-store.ts'),
    );
    fs.writeFileSync(
      script,
      `import { openSqliteStore } from ${JSON.stringify(storeModule.href)};
const store = openSqliteStore(${JSON.stringify(`sqlite:${file}`)});
store.addSubscription({ channelId: 'C1', filter: { kind: 'all' }, createdBy: 'U1' });
store.commitChangeSet({ changeSetId: 'cs1', snapshot: { hash: 'h1', registryJson: '{}' },
  notices: [{ channelId: 'C1', payloadJson: '{}' }, { channelId: 'C2', payloadJson: '{}' }] });
const [a, b] = store.claimDue(2);
store.recordAttemptTs(b.id, 'ts-b');
process.kill(process.pid, 'SIGKILL');
`,
    );
    const repoRoot = path.resolve(import.meta.dirname, '../../..');
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.signal).toBe('SIGKILL');

    const store = openStore(`sqlite:${file}`);
    expect(store.getSnapshot()?.hash).toBe('h1');
    expect(store.listSubscriptions()).toHaveLength(1);
    expect(store.outboxRows({ status: 'sending' })).toHaveLength(2);
    expect(store.requeueInFlight()).toBe(1);
    expect(store.outboxRows().map((r) => [r.channelId, r.status])).toEqual([
      ['C1', 'pending'],
      ['C2', 'sent'],
    ]);
  });
});

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite:var/osm-feature-bot.db', 'var/osm-feature-bot.db'],
    ['sqlite:/abs/path.db', '/abs/path.db'],
    ['sqlite::memory:', ':memory:'],
    ['  sqlite:x.db  ', 'x.db'],
  ])('reads %s', (url, filename) => {
    expect(parseDatabaseUrl(url)).toEqual({ kind: 'sqlite', filename });
  });

  it.each([
    ['postgres://bot:s3cret@db/bot', /postgres is recognised but not implemented yet/],
    ['postgresql://db/bot', /not implemented yet/],
    ['mysql://db', /unsupported scheme "mysql:"/],
    ['bot.db', /missing scheme/],
    ['sqlite:', /needs a path/],
    ['sqlite://x.db', /not sqlite:\/\//],
    ['', /must not be empty/],
  ])('rejects %s', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message);
    expect(() => parseDatabaseUrl(url)).not.toThrow(/s3cret/);
  });

  it('resolves a relative path against the working directory and rejects postgres at open', () => {
    expect(() => openSqliteStore('postgres://db/bot')).toThrow(/DATABASE_URL: postgres/);
    const store = openSqliteStore(`sqlite:${path.relative(process.cwd(), path.join(tempDir(), 'rel.db'))}`);
    expect(path.isAbsolute(store.filename)).toBe(true);
    store.close();
  });
});
