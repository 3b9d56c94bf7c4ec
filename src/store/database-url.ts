import { z } from 'zod';
import { StoreError } from './store.js';

/** Where the store lives. `filename` is ':memory:', an absolute path, or a path relative to the cwd. */
export type DatabaseLocation = { kind: 'sqlite'; filename: string };

const SQLITE_PREFIX = 'sqlite:';
const EXAMPLE = 'use sqlite:var/osm-feature-bot.db, sqlite:/abs/path.db or sqlite::memory:';

/**
 * DATABASE_URL as a zod schema, so config.ts can validate it alongside the other variables.
 * Messages name only the scheme, never the value: a postgres URL carries a password.
 */
export const DatabaseUrlSchema = z
  .string()
  .trim()
  .min(1, `must not be empty; ${EXAMPLE}`)
  .transform((url, ctx): DatabaseLocation => {
    if (/^postgres(ql)?:\/\//i.test(url)) {
      ctx.addIssue(`postgres is recognised but not implemented yet; ${EXAMPLE}`);
      return z.NEVER;
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

/**
 * Parses a DATABASE_URL. Throws StoreError BAD_DATABASE_URL with one line saying what to write instead;
 * postgres:// and postgresql:// are recognised and rejected as not implemented yet.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  const parsed = DatabaseUrlSchema.safeParse(url);
  if (parsed.success) return parsed.data;
  const reason = parsed.error.issues.map((issue) => issue.message).join('; ');
  throw new StoreError('BAD_DATABASE_URL', `DATABASE_URL: ${reason}`);
}
