import { z } from 'zod';
import { DatabaseUrlSchema, databasePassword } from './store/database-url.js';

/** A configuration problem, as one line that names the variable. main() prints it and exits 2. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  readonly exitCode = 2;
}

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

/** A whole number from the environment, with a default and bounds. */
function wholeNumber(def: number, min: number, max: number, what = 'a whole number') {
  return optionalString
    .pipe(z.string().regex(/^\d+$/, `must be ${what}`).optional())
    .transform((v) => (v === undefined ? def : Number(v)))
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be ${what}`));
}

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: optionalString.pipe(
    z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
  ),
  SLACK_APP_TOKEN: optionalString.pipe(
    z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional(),
  ),
  SLACK_SIGNING_SECRET: optionalString.pipe(
    z.string().min(8, 'looks too short to be a signing secret').optional(),
  ),
  SLACK_API_URL: optionalString.pipe(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ),
  PORT: wholeNumber(3000, 0, 65535, 'a port number (0-65535)'),
  HOST: optionalString.pipe(z.string().default('0.0.0.0')),
  LOG_LEVEL: optionalString
    .transform((v) => v?.toLowerCase())
    .pipe(
      z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
          error: 'must be one of fatal, error, warn, info, debug, trace, silent',
        })
        .default('info'),
    ),
  REGISTRY_PATH: optionalString.pipe(z.string().default('data/features.yml')),
  REGISTRY_URL: optionalString.pipe(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ),
  REGISTRY_POLL_SECONDS: wholeNumber(300, 1, 86_400, 'a number of seconds'),
  DATABASE_URL: optionalString.transform((value, ctx) => {
    const url = value ?? 'sqlite:var/osm-feature-bot.db';
    const checked = DatabaseUrlSchema.safeParse(url);
    if (!checked.success) {
      ctx.addIssue(checked.error.issues[0]?.message ?? 'is not a database URL');
      return z.NEVER;
    }
    return url;
  }),
  NOTICE_CHANNELS: optionalString.pipe(
    z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(z.string().regex(/^[CGD][A-Z0-9]{2,}$/, 'must be comma-separated channel ids like C0123ABC')),
      )
      .default([]),
  ),
});

/** How the bot reaches Slack. */
export type SlackMode =
  | { kind: 'socket'; botToken: string; appToken: string }
  | { kind: 'http'; botToken: string; signingSecret: string };

/** What every way of running shares. */
export interface Settings {
  slackApiUrl?: string;
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  registryPath: string;
  registryUrl?: string;
  registryPollSeconds: number;
  databaseUrl: string;
  noticeChannels: string[];
}

/** The bot against Slack. */
export interface Config extends Settings {
  mode: SlackMode;
}

/** No Slack credentials at all: the local sandbox, which makes up its own. */
export interface SandboxConfig extends Settings {
  mode: { kind: 'sandbox' };
}

export type LoadedConfig = Config | SandboxConfig;

export function isSandbox(config: LoadedConfig): config is SandboxConfig {
  return config.mode.kind === 'sandbox';
}

/** Validates the environment once, at the edge. Throws ConfigError with one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): LoadedConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`${name}: ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  const settings: Settings = {
    slackApiUrl: e.SLACK_API_URL,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    registryPath: e.REGISTRY_PATH,
    registryUrl: e.REGISTRY_URL,
    registryPollSeconds: e.REGISTRY_POLL_SECONDS,
    databaseUrl: e.DATABASE_URL,
    noticeChannels: e.NOTICE_CHANNELS,
  };
  const mode = slackMode(e.SLACK_BOT_TOKEN, e.SLACK_APP_TOKEN, e.SLACK_SIGNING_SECRET);
  return mode.kind === 'sandbox' ? { ...settings, mode } : { ...settings, mode };
}

function slackMode(
  botToken?: string,
  appToken?: string,
  signingSecret?: string,
): SlackMode | SandboxConfig['mode'] {
  if (!botToken && !appToken && !signingSecret) return { kind: 'sandbox' };
  if (!botToken) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN: is required to talk to Slack (the xoxb- token from OAuth & Permissions)',
    );
  }
  if (appToken) return { kind: 'socket', botToken, appToken };
  if (!signingSecret) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET: is required in HTTP mode (Basic Information → Signing Secret); or set SLACK_APP_TOKEN for Socket Mode',
    );
  }
  return { kind: 'http', botToken, signingSecret };
}

/** Values that must never reach a log line. */
export function secretsOf(config: LoadedConfig): string[] {
  const password = databasePassword(config.databaseUrl);
  return [...slackSecrets(config), ...(password ? [password, config.databaseUrl] : [])];
}

function slackSecrets(config: LoadedConfig): string[] {
  const m = config.mode;
  if (m.kind === 'socket') return [m.botToken, m.appToken];
  if (m.kind === 'http') return [m.botToken, m.signingSecret];
  return [];
}
