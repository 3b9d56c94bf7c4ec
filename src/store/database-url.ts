import { z } from 'zod';
import { StoreOpenError } from './errors.js';

/** Where the store lives. A SQLite `filename` is ':memory:', an absolute path or one relative to the cwd. */
export type DatabaseLocation = { kind: 'sqlite'; filename: string } | { kind: 'postgres'; url: string };

const SQLITE_PREFIX = 'sqlite:';
const EXAMPLE =
  'use sqlite:var/osm-feature-bot.db, sqlite:/abs/path.db, sqlite::memory: or postgres://user:password@host:5432/database';

/**
 * DATABASE_URL as a zod schema, so config.ts can validate it alongside the other variables. Messages name
 * only the scheme, never the value: a postgres URL carries a password.
 */
export const DatabaseUrlSchema = z
  .string()
  .trim()
  .min(1, `must not be empty; ${EXAMPLE}`)
  .transform((url, ctx): DatabaseLocation => {
    if (/^postgres(ql)?:\/\//i.test(url)) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        ctx.addIssue(
          `is not a valid postgres:// URL (check the host, port and any special characters in the password, which must be percent-encoded); ${EXAMPLE}`,
        );
        return z.NEVER;
      }
      if (!parsed.hostname && !parsed.searchParams.get('host')) {
        ctx.addIssue(`postgres:// needs a host, e.g. postgres://user:password@db:5432/osm`);
        return z.NEVER;
      }
      if (parsed.port && !/^\d+$/.test(parsed.port)) {
        ctx.addIssue('the port must be a number');
        return z.NEVER;
      }
      return { kind: 'postgres', url };
    }
    if (!url.startsWith(SQLITE_PREFIX)) {
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
      ctx.addIssue(`${scheme ? `unsupported scheme "${scheme}:"` : 'missing scheme'}; ${EXAMPLE}`);
      return z.NEVER;
    }
    const filename = url.slice(SQLITE_PREFIX.length);
    if (filename === '') {
      ctx.addIssue(`sqlite: needs a path; ${EXAMPLE}`);
      return z.NEVER;
    }
    // "sqlite://x.db" is ambiguous (host or path?); refuse it rather than guess.
    if (filename.startsWith('//')) {
      ctx.addIssue(`write sqlite:<path>, not sqlite://<path>; ${EXAMPLE}`);
      return z.NEVER;
    }
    return { kind: 'sqlite', filename };
  });

/** Parses a DATABASE_URL. Throws StoreOpenError BAD_DATABASE_URL with one line saying what to write instead. */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  const parsed = DatabaseUrlSchema.safeParse(url);
  if (parsed.success) return parsed.data;
  throw new StoreOpenError('BAD_DATABASE_URL', parsed.error.issues.map((issue) => issue.message).join('; '));
}

/** The password in a postgres URL, so that it can be redacted from logs; undefined when there is none. */
export function databasePassword(url: string): string | undefined {
  if (!/^postgres(ql)?:\/\//i.test(url.trim())) return undefined;
  try {
    const password = decodeURIComponent(new URL(url.trim()).password);
    return password || undefined;
  } catch {
    return undefined;
  }
}
