import { join } from 'node:path';
import { DEFAULT_REGISTRY_MAX_BYTES, type SingleWorkspaceConfig } from '../../src/config.js';

/** What a Config needs from a Slack stand-in (or from a bench's environment). */
export interface SlackTarget {
  botToken: string;
  signingSecret: string;
  apiUrl: string;
}

/**
 * A Config for the real app in HTTP mode against a Slack stand-in: loopback, port 0, the database in `dir`,
 * silent logs. Tests and benchmarks override what they care about.
 */
export function configFor(
  slack: SlackTarget,
  dir: string,
  overrides: Partial<SingleWorkspaceConfig> = {},
): SingleWorkspaceConfig {
  return {
    mode: { kind: 'http', botToken: slack.botToken, signingSecret: slack.signingSecret },
    slackApiUrl: slack.apiUrl,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    registryPath: join(dir, 'features.yml'),
    registryPollSeconds: 300,
    registryMaxBytes: DEFAULT_REGISTRY_MAX_BYTES,
    databaseUrl: `sqlite:${join(dir, 'bot.db')}`,
    noticeChannels: [],
    ...overrides,
  };
}
