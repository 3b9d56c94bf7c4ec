import { format } from 'node:util';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type Logger, pino } from 'pino';

/**
 * Anything that looks like a Slack token, whether or not we know its value: bot, user, app-level and
 * configuration tokens, rotating access tokens (xoxe.xoxb-…) and refresh tokens (xoxe-…).
 */
const TOKEN_PATTERN = /\bx(?:ox[abprse](?:\.xox[bp])?|app)-[A-Za-z0-9-]+/g;

export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
];

/** Replaces known secret values and token-shaped strings, deeply, in anything about to be logged. */
export function scrubSecrets(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') {
    let out = value.replace(TOKEN_PATTERN, '[redacted]');
    for (const secret of secrets) if (secret) out = out.replaceAll(secret, '[redacted]');
    return out;
  }
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const copy = new Error(String(scrubSecrets(value.message, secrets, depth + 1)));
    copy.name = value.name;
    copy.stack = String(scrubSecrets(value.stack ?? '', secrets, depth + 1));
    return Object.assign(copy, scrubSecrets({ ...value }, secrets, depth + 1));
  }
  if (Array.isArray(value)) return value.map((v) => scrubSecrets(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubSecrets(v, secrets, depth + 1);
  return out;
}

/** The root logger: structured JSON, secrets redacted by path and scrubbed by value. */
export function createLogger(opts: {
  level: string;
  secrets: readonly string[];
  destination?: NodeJS.WritableStream;
}): Logger {
  const secrets = opts.secrets;
  return pino(
    {
      name: 'osm-feature-bot',
      level: opts.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrubSecrets(a, secrets)) as Parameters<typeof method>);
        },
      },
    },
    opts.destination ?? process.stdout,
  );
}

const TO_BOLT: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/**
 * Gives Bolt a Logger backed by pino. Bolt calls `logger.error(msg, err)`; pino would drop the second argument,
 * so every argument is kept: errors go to `err`, the rest are formatted into the message.
 */
export function boltLoggerFrom(root: Logger): BoltLogger {
  let log = root.child({ component: 'bolt' });
  const emit =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      const err = args.find((a): a is Error => a instanceof Error);
      const rest = args.filter((a) => a !== err);
      const message = format(...rest);
      if (err) log[level]({ err }, message);
      else log[level](message);
    };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    setLevel: () => {
      // The level is ours (LOG_LEVEL); Bolt may not lower it.
    },
    getLevel: () => TO_BOLT[log.level] ?? LogLevel.INFO,
    setName: (name: string) => {
      log = root.child({ component: name });
    },
  };
}
