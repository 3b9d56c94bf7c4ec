import pg from 'pg';
import { StoreUnavailableError } from '../errors.js';
import type { Db, SqlParams, TxLock } from '../sql/db.js';

/** Advisory lock keys (two 32-bit halves): this app's namespace, then which kind of transaction. */
export const LOCK_NAMESPACE = 0x05f0b07;
export const LOCK_KEYS: Readonly<Record<TxLock, number>> = { claim: 1, commit: 2, migrate: 3 };

/** Connection-level failures: the server is down, restarting or unreachable, not a bad query. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : '';
  return (
    UNAVAILABLE_CODES.has(code) ||
    /Connection terminated|connection error|timeout exceeded when trying to connect|Connection ended/i.test(
      err.message,
    )
  );
}

function unavailable(err: unknown): unknown {
  return isConnectionError(err)
    ? new StoreUnavailableError('the PostgreSQL server is not answering', { cause: err })
    : err;
}

const converted = new Map<string, { text: string; names: string[] }>();

/** `@name` parameters → `$1…` with their order; cached per SQL text. */
function toPositional(sql: string): { text: string; names: string[] } {
  let found = converted.get(sql);
  if (!found) {
    const names: string[] = [];
    const text = sql.replace(/@([A-Za-z_]\w*)/g, (_m, name: string) => {
      let index = names.indexOf(name);
      if (index === -1) index = names.push(name) - 1;
      return `$${index + 1}`;
    });
    found = { text, names };
    converted.set(sql, found);
  }
  return found;
}

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

async function query(on: Queryable, sql: string, params: SqlParams = {}): Promise<pg.QueryResult> {
  const { text, names } = toPositional(sql);
  const values = names.map((n) => {
    const v = params[n];
    if (v === undefined) throw new Error(`missing SQL parameter @${n}`);
    return v;
  });
  try {
    return await on.query(text, values);
  } catch (err) {
    throw unavailable(err);
  }
}

function over(on: Queryable, transaction: Db['transaction']): Db {
  return {
    dialect: 'postgres',
    all: async (sql, params) => (await query(on, sql, params)).rows,
    get: async (sql, params) => (await query(on, sql, params)).rows[0],
    run: async (sql, params) => (await query(on, sql, params)).rowCount ?? 0,
    transaction,
    close: async () => undefined,
  };
}

/** A pool behind the async Db. Write transactions of one kind are serialised by an advisory lock. */
export function postgresDb(pool: pg.Pool): Db {
  const transaction: Db['transaction'] = async (fn, lock) => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (err) {
      throw unavailable(err);
    }
    let broken = false;
    try {
      await query(client, 'BEGIN');
      if (lock) {
        await query(client, 'SELECT pg_advisory_xact_lock(@ns, @key)', {
          ns: LOCK_NAMESPACE,
          key: LOCK_KEYS[lock],
        });
      }
      const result = await fn(over(client, () => Promise.reject(new Error('nested transaction'))));
      await query(client, 'COMMIT');
      return result;
    } catch (err) {
      broken = isConnectionError(err instanceof StoreUnavailableError ? err.cause : err);
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      // A client whose connection broke is destroyed, never handed out again.
      client.release(broken);
    }
  };
  return { ...over(pool, transaction), close: () => pool.end() };
}

/** int8 (bigint: epoch ms, counts, ids) as a JS number, for this pool only: every value kept fits in 2^53. */
export function pgTypes(): pg.TypeOverrides {
  const types = new pg.TypeOverrides();
  types.setTypeParser(20, (value: string) => Number(value));
  return types;
}
