// The real bot as a child process, for tests that kill it: `node --import tsx tests/e2e/support/run-bot.ts`.
// Configured by the usual environment variables (loadConfig). Writes one JSON line per event on stdout:
// {"event":"ready",...}, {"event":"committed",...}, {"event":"sent",...}, {"event":"idle"}; logs go to stderr.
import { startBot } from '../../../src/bot.js';
import { isSandbox, loadConfig, secretsOf } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';

const say = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

const config = loadConfig();
if (isSandbox(config)) throw new Error('run-bot needs Slack credentials in the environment');
const log = createLogger({ level: config.logLevel, secrets: secretsOf(config), destination: process.stderr });
// Tests that kill this process shorten the leases, so that a restart takes over its work quickly.
const fromEnv = (name: string): number | undefined => Number(process.env[name] ?? '') || undefined;
const leaseMs = fromEnv('TEST_NOTICE_LEASE_MS');
const workLeaseMs = fromEnv('TEST_WORK_LEASE_MS');
const workRecoveryMs = fromEnv('TEST_WORK_RECOVERY_MS');
const noticeTimeoutMs = fromEnv('TEST_NOTICE_TIMEOUT_MS');
// Socket Mode reconnects in tens of ms rather than seconds; readiness answers fresh on every probe.
const socketBackoffMs = fromEnv('TEST_SOCKET_BACKOFF_MS');
const readinessCacheMs = fromEnv('TEST_READINESS_CACHE_MS');
const bot = await startBot(config, log, {
  registryDebounceMs: 50,
  ...(leaseMs ? { notices: { leaseMs } } : {}),
  ...(workLeaseMs ? { workLeaseMs } : {}),
  ...(workRecoveryMs ? { workRecoveryMs } : {}),
  ...(noticeTimeoutMs ? { noticeTimeoutMs } : {}),
  ...(socketBackoffMs ? { socket: { backoff: { minMs: socketBackoffMs, maxMs: socketBackoffMs * 4 } } } : {}),
  ...(readinessCacheMs ? { readinessCacheMs } : {}),
});
bot.notices.on('committed', (outcome) => say({ event: 'committed', outcome }));
bot.notices.on('sent', (e) => say({ event: 'sent', channel: e.row.channelId, outboxId: e.row.id, ts: e.ts }));
bot.notices.on('reconciled', (e) =>
  say({ event: 'reconciled', channel: e.row.channelId, outboxId: e.row.id, ts: e.ts }),
);
say({ event: 'ready', port: bot.port, pending: (await bot.store.outbox.pending()).count });
void bot.notices.whenIdle().then(() => say({ event: 'idle' }));

process.on('SIGTERM', () => {
  void bot.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      log.error({ err }, 'stop failed');
      process.exit(1);
    },
  );
});
