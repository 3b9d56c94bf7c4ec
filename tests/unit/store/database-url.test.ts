import { describe, expect, it } from 'vitest';
import { databasePassword, parseDatabaseUrl } from '../../../src/store/database-url.js';

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite:var/osm-feature-bot.db', { kind: 'sqlite', filename: 'var/osm-feature-bot.db' }],
    ['sqlite:/abs/path.db', { kind: 'sqlite', filename: '/abs/path.db' }],
    ['sqlite::memory:', { kind: 'sqlite', filename: ':memory:' }],
    ['  sqlite:x.db  ', { kind: 'sqlite', filename: 'x.db' }],
    ['postgres://bot:s3cret@db:5432/osm', { kind: 'postgres', url: 'postgres://bot:s3cret@db:5432/osm' }],
    ['postgresql://db/osm?sslmode=require', { kind: 'postgres', url: 'postgresql://db/osm?sslmode=require' }],
  ])('reads %s', (url, location) => {
    expect(parseDatabaseUrl(url)).toEqual(location);
  });

  it.each([
    ['postgres://bot:s3cret@db:port/osm', /not a valid postgres:\/\/ URL/],
    ['postgres:///osm', /needs a host/],
    ['mysql://db', /unsupported scheme "mysql:"/],
    ['bot.db', /missing scheme/],
    ['sqlite:', /needs a path/],
    ['sqlite://x.db', /not sqlite:\/\//],
    ['', /must not be empty/],
  ])('rejects %s in one line naming DATABASE_URL, never echoing a password', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message);
    expect(() => parseDatabaseUrl(url)).toThrow(/^DATABASE_URL: /);
    expect(() => parseDatabaseUrl(url)).not.toThrow(/s3cret/);
  });

  it('finds the password to redact, percent-decoded', () => {
    expect(databasePassword('postgres://bot:p%40ss@db/osm')).toBe('p@ss');
    expect(databasePassword('postgres://db/osm')).toBeUndefined();
    expect(databasePassword('sqlite:x.db')).toBeUndefined();
  });
});
