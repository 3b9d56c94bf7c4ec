// The whole environment contract in one zod schema, with one place that turns a problem into one line and exit
// code 2. The key, mode and URL checks it composes live in their own modules.
import { z } from 'zod';
import { parseEncryptionKey } from './install/encryption-key.js';
import type { OAuthSettings } from './install/oauth-settings.js';
import { DEFAULT_REGISTRY_MAX_BYTES } from './sources/size-cap.js';
import { DatabaseUrlSchema, databasePassword } from './store/database-url.js';

export { DEFAULT_REGISTRY_MAX_BYTES };

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

/** A base64 AES-256 key, checked and decoded. */
const encryptionKey = optionalString.transform((value, ctx) => {
  if (value === undefined) return undefined;
  const parsed = parseEncryptionKey(value);
  if (!parsed.ok) {
    ctx.addIssue(parsed.reason);
    return z.NEVER;
  }
  return parsed.key;
});

const httpUrl = optionalString.pipe(
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
);

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
  SLACK_API_URL: httpUrl,
  SLACK_CLIENT_ID: optionalString.pipe(
    z
      .string()
      .regex(/^\d+\.\d+$/, 'must be the Client ID from Basic Information → App Credentials (digits.digits)')
      .optional(),
  ),
  SLACK_CLIENT_SECRET: optionalString.pipe(
    z.string().min(8, 'looks too short to be a client secret').optional(),
  ),
  SLACK_STATE_SECRET: optionalString.pipe(
    z.string().min(16, 'must be at least 16 characters (generate one with: openssl rand -hex 32)').optional(),
  ),
  SLACK_REDIRECT_URI: httpUrl,
  TOKEN_ENCRYPTION_KEY: encryptionKey,
  TOKEN_ENCRYPTION_KEY_PREVIOUS: encryptionKey,
  PORT: wholeNumber(3000, 0, 65535, 'a port number (0-65535)'),
  HOST: optionalString.pipe(z.string().default('0.0.0.0')),
  METRICS_PORT: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a port number (0-65535)')
      .transform(Number)
      .pipe(z.number().max(65535, 'must be a port number (0-65535)'))
      .optional(),
  ),
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
  REGISTRY_URL: httpUrl,
  REGISTRY_POLL_SECONDS: wholeNumber(300, 1, 86_400, 'a number of seconds'),
  REGISTRY_MAX_BYTES: wholeNumber(
    DEFAULT_REGISTRY_MAX_BYTES,
    1024,
    1024 ** 3,
    'a number of bytes (1024 to 1 GiB)',
  ),
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

/** One workspace, one bot token: Socket Mode or HTTP. */
export type SingleWorkspaceMode =
  | { kind: 'socket'; botToken: string; appToken: string }
  | { kind: 'http'; botToken: string; signingSecret: string };

/** Many workspaces over HTTP, each installed through Slack's OAuth v2 flow, tokens kept encrypted. */
export interface OAuthMode extends OAuthSettings {
  kind: 'oauth';
  signingSecret: string;
}

/** How the bot reaches Slack. */
export type SlackMode = SingleWorkspaceMode | OAuthMode;

/** What every way of running shares. */
export interface Settings {
  slackApiUrl?: string;
  port: number;
  host: string;
  /** METRICS_PORT: /metrics on its own port, and not on `port`. */
  metricsPort?: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  registryPath: string;
  registryUrl?: string;
  registryPollSeconds: number;
  /** REGISTRY_MAX_BYTES: a registry file or URL body larger than this is refused. */
  registryMaxBytes: number;
  databaseUrl: string;
  noticeChannels: string[];
}

/** The bot against Slack. */
export interface Config extends Settings {
  mode: SlackMode;
}

/** The bot with one bot token. */
export interface SingleWorkspaceConfig extends Config {
  mode: SingleWorkspaceMode;
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
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT !== 0 && e.METRICS_PORT === e.PORT)
    throw new ConfigError(
      `METRICS_PORT: must differ from PORT (${e.PORT}); leave it unset to serve /metrics on PORT`,
    );
  const settings: Settings = {
    slackApiUrl: e.SLACK_API_URL,
    port: e.PORT,
    host: e.HOST,
    ...(e.METRICS_PORT === undefined ? {} : { metricsPort: e.METRICS_PORT }),
    logLevel: e.LOG_LEVEL,
    registryPath: e.REGISTRY_PATH,
    registryUrl: e.REGISTRY_URL,
    registryPollSeconds: e.REGISTRY_POLL_SECONDS,
    registryMaxBytes: e.REGISTRY_MAX_BYTES,
    databaseUrl: e.DATABASE_URL,
    noticeChannels: e.NOTICE_CHANNELS,
  };
  if (e.SLACK_CLIENT_ID || e.SLACK_CLIENT_SECRET || e.SLACK_STATE_SECRET)
    return { ...settings, mode: oauthMode(e) };
  const mode = slackMode(e.SLACK_BOT_TOKEN, e.SLACK_APP_TOKEN, e.SLACK_SIGNING_SECRET);
  return mode.kind === 'sandbox' ? { ...settings, mode } : { ...settings, mode };
}

/** Slack's authorize URL sits beside its Web API: https://slack.com/oauth/v2/authorize for slack.com/api/. */
function authorizeUrlFor(slackApiUrl: string | undefined): string {
  return new URL('../oauth/v2/authorize', slackApiUrl ?? 'https://slack.com/api/').toString();
}

function required<T>(value: T | undefined, name: string, hint: string): T {
  if (value === undefined)
    throw new ConfigError(`${name}: is required to install into many workspaces (${hint})`);
  return value;
}

function oauthMode(e: z.infer<typeof EnvSchema>): OAuthMode {
  if (e.SLACK_BOT_TOKEN)
    throw new ConfigError(
      'SLACK_BOT_TOKEN: cannot be set with SLACK_CLIENT_ID: unset SLACK_BOT_TOKEN to install into many workspaces through OAuth, or unset SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to serve one workspace',
    );
  if (e.SLACK_APP_TOKEN)
    throw new ConfigError(
      'SLACK_APP_TOKEN: installs into many workspaces need HTTP mode (Slack does not distribute Socket Mode apps): unset SLACK_APP_TOKEN and set the Request URL',
    );
  if (e.NOTICE_CHANNELS.length > 0)
    throw new ConfigError(
      'NOTICE_CHANNELS: names channels of a single workspace; with OAuth installs, each workspace subscribes its channels with /osm-feature subscribe',
    );
  const clientId = required(
    e.SLACK_CLIENT_ID,
    'SLACK_CLIENT_ID',
    'Basic Information → App Credentials → Client ID',
  );
  const clientSecret = required(
    e.SLACK_CLIENT_SECRET,
    'SLACK_CLIENT_SECRET',
    'Basic Information → App Credentials',
  );
  const signingSecret = required(
    e.SLACK_SIGNING_SECRET,
    'SLACK_SIGNING_SECRET',
    'Basic Information → App Credentials → Signing Secret',
  );
  const stateSecret = required(
    e.SLACK_STATE_SECRET,
    'SLACK_STATE_SECRET',
    'generate one with: openssl rand -hex 32',
  );
  const encryptionKey = required(
    e.TOKEN_ENCRYPTION_KEY,
    'TOKEN_ENCRYPTION_KEY',
    'tokens are stored encrypted; generate one with: openssl rand -base64 32',
  );
  return {
    kind: 'oauth',
    clientId,
    clientSecret,
    signingSecret,
    stateSecret,
    encryptionKey,
    ...(e.TOKEN_ENCRYPTION_KEY_PREVIOUS ? { previousEncryptionKey: e.TOKEN_ENCRYPTION_KEY_PREVIOUS } : {}),
    authorizationUrl: authorizeUrlFor(e.SLACK_API_URL),
    ...(e.SLACK_REDIRECT_URI ? { redirectUri: e.SLACK_REDIRECT_URI } : {}),
  };
}

function slackMode(
  botToken?: string,
  appToken?: string,
  signingSecret?: string,
): SingleWorkspaceMode | SandboxConfig['mode'] {
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
  if (m.kind === 'oauth') {
    const keys = [m.encryptionKey, ...(m.previousEncryptionKey ? [m.previousEncryptionKey] : [])];
    return [m.clientSecret, m.signingSecret, m.stateSecret, ...keys.map((k) => k.toString('base64'))];
  }
  return [];
}
