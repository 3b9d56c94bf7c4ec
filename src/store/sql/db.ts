/** Parameters of a query, by name: `@name` in the SQL text. Flags are 0/1 integers in both dialects. */
export type SqlParams = Readonly<Record<string, string | number | null>>;

/** A transaction that must not run beside another of the same name, on any replica. */
export type TxLock = 'claim' | 'commit' | 'migrate';

/**
 * The little the store's concerns need from a database: one set of SQL, written once with `@name`
 * parameters, runs on SQLite (better-sqlite3) and on PostgreSQL (pg). Where the dialects differ the SQL asks
 * `dialect`.
 */
export interface Db {
  readonly dialect: 'sqlite' | 'postgres';
  all(sql: string, params?: SqlParams): Promise<unknown[]>;
  get(sql: string, params?: SqlParams): Promise<unknown>;
  /** Rows changed. */
  run(sql: string, params?: SqlParams): Promise<number>;
  /**
   * Runs `fn` in one write transaction, committed when it resolves and rolled back when it throws. On SQLite
   * every write transaction is serialised (BEGIN IMMEDIATE); on PostgreSQL `lock` also takes an advisory
   * lock, so that transactions of one kind never interleave across replicas.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>, lock?: TxLock): Promise<T>;
  close(): Promise<void>;
}
