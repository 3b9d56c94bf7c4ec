import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretsOf } from '../../../src/config.js';

const http = { SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_SIGNING_SECRET: 'a1b2c3d4e5f6' };
const KEY = randomBytes(32).toString('base64');
const oauth = {
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_SIGNING_SECRET: 'a1b2c3d4e5f6',
  SLACK_STATE_SECRET: 'state-secret-0123456789',
  TOKEN_ENCRYPTION_KEY: KEY,
};

describe('loadConfig', () => {
  it('selects Socket Mode when SLACK_APP_TOKEN is set', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).mode.kind).toBe('socket');
  });

  it('selects HTTP mode with a signing secret, with defaults', () => {
    const config = loadConfig(http);
    expect(config.mode.kind).toBe('http');
    expect(config).toMatchObject({
      port: 3000,
      logLevel: 'info',
      registryPath: 'data/features.yml',
      registryPollSeconds: 300,
    });
    expect(config.databaseUrl).toBe('sqlite:var/osm-feature-bot.db');
  });
  it('selects multi-workspace mode with OAuth credentials and a key, authorizing beside SLACK_API_URL', () => {
    const config = loadConfig({ ...oauth, SLACK_API_URL: 'http://127.0.0.1:4000/api/' });
    expect(config.mode).toMatchObject({
      kind: 'oauth',
      clientId: '111.222',
      authorizationUrl: 'http://127.0.0.1:4000/oauth/v2/authorize',
    });
    if (config.mode.kind !== 'oauth') throw new Error('expected oauth');
    expect(config.mode.encryptionKey.toString('base64')).toBe(KEY);
    expect(loadConfig(oauth).mode).toMatchObject({
      authorizationUrl: 'https://slack.com/oauth/v2/authorize',
    });
    const secrets = secretsOf(config);
    for (const s of ['client-secret', 'a1b2c3d4e5f6', 'state-secret-0123456789', KEY])
      expect(secrets).toContain(s);
  });

  it('reads a URL-safe key and a previous key for rotation', () => {
    const previous = randomBytes(32);
    const config = loadConfig({ ...oauth, TOKEN_ENCRYPTION_KEY_PREVIOUS: previous.toString('base64url') });
    expect(config.mode.kind === 'oauth' && config.mode.previousEncryptionKey?.equals(previous)).toBe(true);
  });

  it('selects the sandbox with no Slack credentials at all', () => {
    expect(loadConfig({}).mode.kind).toBe('sandbox');
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'nope', SLACK_SIGNING_SECRET: 'a1b2c3d4e5' }, /^SLACK_BOT_TOKEN: /],
    [{ SLACK_SIGNING_SECRET: 'a1b2c3d4e5' }, /^SLACK_BOT_TOKEN: is required/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /^SLACK_SIGNING_SECRET: is required/],
    [{ ...http, PORT: 'eighty' }, /^PORT: must be a port number/],
    [{ ...http, PORT: '70000' }, /^PORT: /],
    [{ ...http, LOG_LEVEL: 'loud' }, /^LOG_LEVEL: must be one of/],
    [{ ...http, SLACK_API_URL: 'ftp://x' }, /^SLACK_API_URL: /],
    [{ ...http, REGISTRY_POLL_SECONDS: '0' }, /^REGISTRY_POLL_SECONDS: /],
    [{ ...http, METRICS_PORT: 'nine' }, /^METRICS_PORT: must be a port number/],
    [{ ...http, METRICS_PORT: '70000' }, /^METRICS_PORT: must be a port number/],
    [{ ...http, METRICS_PORT: '3000' }, /^METRICS_PORT: must differ from PORT \(3000\)/],
    [{ ...http, REGISTRY_MAX_BYTES: '5MB' }, /^REGISTRY_MAX_BYTES: must be a number of bytes/],
    [{ ...http, REGISTRY_MAX_BYTES: '10' }, /^REGISTRY_MAX_BYTES: must be at least 1024/],
    [{ ...http, NOTICE_CHANNELS: 'general' }, /^NOTICE_CHANNELS: /],
    [{ ...http, DATABASE_URL: 'garbage' }, /^DATABASE_URL: missing scheme/],
    [{ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' }, /^SLACK_BOT_TOKEN: cannot be set with SLACK_CLIENT_ID/],
    [
      { ...oauth, SLACK_APP_TOKEN: 'xapp-1' },
      /^SLACK_APP_TOKEN: installs into many workspaces need HTTP mode/,
    ],
    [
      { ...oauth, TOKEN_ENCRYPTION_KEY: undefined },
      /^TOKEN_ENCRYPTION_KEY: is required .*openssl rand -base64 32/,
    ],
    [
      { ...oauth, TOKEN_ENCRYPTION_KEY: 'c2hvcnQ=' },
      /^TOKEN_ENCRYPTION_KEY: must be 32 bytes in base64, not 5/,
    ],
    [{ ...oauth, TOKEN_ENCRYPTION_KEY: 'not base64!' }, /^TOKEN_ENCRYPTION_KEY: must be base64/],
    [{ ...oauth, TOKEN_ENCRYPTION_KEY_PREVIOUS: 'abc' }, /^TOKEN_ENCRYPTION_KEY_PREVIOUS: must be 32 bytes/],
    [{ ...oauth, SLACK_CLIENT_ID: undefined }, /^SLACK_CLIENT_ID: is required/],
    [{ ...oauth, SLACK_CLIENT_ID: 'abc' }, /^SLACK_CLIENT_ID: must be the Client ID/],
    [{ ...oauth, SLACK_CLIENT_SECRET: undefined }, /^SLACK_CLIENT_SECRET: is required/],
    [{ ...oauth, SLACK_STATE_SECRET: undefined }, /^SLACK_STATE_SECRET: is required/],
    [{ ...oauth, SLACK_STATE_SECRET: 'short' }, /^SLACK_STATE_SECRET: must be at least 16/],
    [{ ...oauth, SLACK_SIGNING_SECRET: undefined }, /^SLACK_SIGNING_SECRET: is required/],
    [{ ...oauth, NOTICE_CHANNELS: 'C123ABC' }, /^NOTICE_CHANNELS: names channels of a single workspace/],
    [{ ...oauth, SLACK_REDIRECT_URI: 'nope' }, /^SLACK_REDIRECT_URI: must be an http\(s\) URL/],
    [
      { ...http, DATABASE_URL: 'postgres://u:secret@h:port/db' },
      /^DATABASE_URL: is not a valid postgres:\/\/ URL/,
    ],
  ])('gives one line naming the variable: %j', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(message);
    expect((error as ConfigError).message).not.toContain('\n');
    expect((error as ConfigError).exitCode).toBe(2);
  });

  it('reads METRICS_PORT and REGISTRY_MAX_BYTES, defaulting to none and 5 MiB', () => {
    expect(loadConfig(http)).toMatchObject({ registryMaxBytes: 5 * 1024 * 1024 });
    expect(loadConfig(http).metricsPort).toBeUndefined();
    expect(loadConfig({ ...http, METRICS_PORT: '9090', REGISTRY_MAX_BYTES: '65536' })).toMatchObject({
      metricsPort: 9090,
      registryMaxBytes: 65536,
    });
  });

  it('accepts LOG_LEVEL in any case', () => {
    expect(loadConfig({ ...http, LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
  });

  it('parses NOTICE_CHANNELS', () => {
    expect(loadConfig({ ...http, NOTICE_CHANNELS: 'C123ABC, C456DEF' }).noticeChannels).toEqual([
      'C123ABC',
      'C456DEF',
    ]);
  });
});
