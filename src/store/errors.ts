export type StoreErrorCode =
  | 'CORRUPT_ROW'
  | 'INVALID_INPUT'
  | 'BAD_MIGRATIONS'
  | 'SCHEMA_TOO_NEW'
  | 'BAD_DATABASE_URL'
  | 'CANNOT_OPEN'
  | 'UNAVAILABLE';

/** Expected store failures, told apart by `code`. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

/**
 * The store cannot be opened as DATABASE_URL says (malformed, unreachable, refused, read-only, newer schema):
 * a configuration problem. The message is one line that starts with "DATABASE_URL: " and never holds the
 * password; main() prints it and exits 2.
 */
export class StoreOpenError extends StoreError {
  readonly exitCode = 2;
  constructor(code: StoreErrorCode, reason: string, options?: ErrorOptions) {
    super(code, `DATABASE_URL: ${reason}`, options);
    this.name = 'StoreOpenError';
  }
}

/** The store stopped answering while the bot runs (the server restarted, the network dropped). */
export class StoreUnavailableError extends StoreError {
  constructor(message: string, options?: ErrorOptions) {
    super('UNAVAILABLE', message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Whether an error means the store could not be reached (so "try again in a moment" is the right answer). */
export function isStoreUnavailable(err: unknown): boolean {
  return err instanceof StoreUnavailableError;
}
