import type Database from 'better-sqlite3';
import type { Db, SqlParams } from '../sql/db.js';

/**
 * One queue per database file in this process. Two connections to one file in one process (tests; a
 * sandbox beside a bot) must not interleave: a second BEGIN IMMEDIATE would wait for the write lock
 * synchronously, blocking the very thread that holds it.
 */
const queues = new Map<string, { tail: Promise<unknown> }>();

/**
 * better-sqlite3 behind the async Db: every call runs synchronously (SQLite answers in microseconds), one at
 * a time through the file's queue, so an awaited transaction can never interleave with another call.
 * BEGIN IMMEDIATE takes the write lock up front, so another process waits (busy_timeout) rather than both
 * reading "absent" and racing to insert.
 */
export function sqliteDb(db: Database.Database, filename: string): Db {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const direct: Db = {
    dialect: 'sqlite',
    all: async (sql, params = {}) => prepare(sql).all(params),
    get: async (sql, params = {}) => prepare(sql).get(params),
    run: async (sql, params = {}) => prepare(sql).run(params).changes,
    transaction: (fn) => runTransaction(fn),
    close: async () => undefined,
  };
  const key = filename === ':memory:' ? `:memory:${Math.random()}` : filename;
  const queue = queues.get(key) ?? { tail: Promise.resolve() };
  queues.set(key, queue);
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const result = queue.tail.then(op, op);
    queue.tail = result.catch(() => undefined);
    return result;
  };
  const runTransaction = async <T>(fn: (tx: Db) => Promise<T>): Promise<T> => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn(direct);
      db.exec('COMMIT');
      return result;
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  };
  return {
    dialect: 'sqlite',
    all: (sql: string, params?: SqlParams) => serial(() => direct.all(sql, params)),
    get: (sql: string, params?: SqlParams) => serial(() => direct.get(sql, params)),
    run: (sql: string, params?: SqlParams) => serial(() => direct.run(sql, params)),
    transaction: (fn) => serial(() => runTransaction(fn)),
    close: () =>
      serial(async () => {
        if (db.open) db.close();
        if (filename === ':memory:') queues.delete(key);
      }),
  };
}
