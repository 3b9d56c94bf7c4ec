import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';

const http = { SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_SIGNING_SECRET: 'a1b2c3d4e5f6' };

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
    [{ ...http, NOTICE_CHANNELS: 'general' }, /^NOTICE_CHANNELS: /],
    [{ ...http, DATABASE_URL: 'garbage' }, /^DATABASE_URL: missing scheme/],
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
