import { EventEmitter } from 'node:events';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { RecordedCall, SlackStandin, StoredMessage } from '@osm-feature-bot/slack-standin';
import type { Logger } from 'pino';
import { type BotOptions, type SingleWorkspaceBot, startBot } from '../../../src/bot.js';
import type { SingleWorkspaceConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { configFor } from '../../harness/bot-config.js';

/** A temp dir with a copy of the registry fixture and room for the database; removed by cleanup(). */
export function noticeWorkspace(): {
  dir: string;
  registryPath: string;
  databaseUrl: string;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'osm-notices-'));
  const registryPath = join(dir, 'features.yml');
  copyFileSync('tests/fixtures/registry/osm.yml', registryPath);
  return {
    dir,
    registryPath,
    databaseUrl: `sqlite:${join(dir, 'db.sqlite')}`,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Log lines the bot wrote, and a way to wait for one. */
export interface LogCapture {
  lines: string[];
  logged(text: string): Promise<void>;
}

/** A pino logger writing into memory, with a way to wait for a line. */
export function captureLogs(
  level: 'info' | 'debug' = 'info',
  secrets: readonly string[] = [],
): { log: Logger; logs: LogCapture } {
  const lines: string[] = [];
  const events = new EventEmitter();
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      events.emit('line');
      done();
    },
  });
  const logged = (text: string) =>
    new Promise<void>((resolve) => {
      const look = (): void => {
        if (!lines.some((l) => l.includes(text))) return;
        events.off('line', look);
        resolve();
      };
      events.on('line', look);
      look();
    });
  return { log: createLogger({ level, secrets, destination: stream }), logs: { lines, logged } };
}

/** The real bot in HTTP mode against `standin`, on a workspace; the stand-in is pointed at it. */
export async function startNoticeBot(
  standin: SlackStandin,
  ws: { registryPath: string; databaseUrl: string },
  config: Partial<SingleWorkspaceConfig> = {},
  opts: BotOptions = {},
): Promise<{ bot: SingleWorkspaceBot; logs: LogCapture }> {
  const { log, logs } = captureLogs();
  const full = configFor(standin, '.', {
    logLevel: 'info',
    registryPath: ws.registryPath,
    databaseUrl: ws.databaseUrl,
    ...config,
  });
  const bot = await startBot(full, log, { registryDebounceMs: 50, stopQuietMs: 20, ...opts });
  standin.setAppUrl(`http://127.0.0.1:${bot.port ?? 0}`);
  return { bot, logs };
}

/** The registry text with multicluster promoted Alpha → Beta, its history kept consistent. */
export function promoteMulticluster(text: string): string {
  const out = text.replace(
    /(id: multicluster[\s\S]*?state: )Alpha([\s\S]*?history: )\[\{ state: Alpha, since: v1.0 \}\]/,
    '$1Beta$2[{ state: Alpha, since: v1.0 }, { state: Beta, since: v1.2 }]',
  );
  if (out === text) throw new Error('promoteMulticluster: pattern not found');
  return out;
}

/** The registry text without one feature (its whole list item). */
export function removeFeature(text: string, id: string): string {
  const out = text.replace(new RegExp(`\\n  - id: ${id}\\n[\\s\\S]*?(?=\\n  - id: |\\n  # |\\n*$)`), '');
  if (out === text) throw new Error(`removeFeature: ${id} not found`);
  return out;
}

export function editFile(file: string, edit: (text: string) => string): void {
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

/** Successful chat.postMessage calls, optionally to one channel. */
export function posts(standin: SlackStandin, channel?: string): RecordedCall[] {
  return standin
    .callsTo('chat.postMessage')
    .filter((c) => c.status === 200 && (channel === undefined || c.params.channel === channel));
}

/** Notices the channel holds: messages the bot posted with our metadata (not command answers). */
export function noticesIn(standin: SlackStandin, channel: string): StoredMessage[] {
  return standin
    .messages(channel)
    .filter(
      (m) =>
        !m.ephemeral &&
        (m.metadata as { event_type?: string } | undefined)?.event_type === 'osm_feature_notice',
    );
}

/** Resolves once every one of `channels` holds at least one notice (checked on each message the stand-in records). */
export function everyChannelNotified(standin: SlackStandin, channels: readonly string[]): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (channels.every((c) => noticesIn(standin, c).length > 0)) {
        standin.off('message', check);
        resolve();
      }
    };
    standin.on('message', check);
    check();
  });
}

export const isPostTo =
  (channel: string, status = 200) =>
  (c: RecordedCall): boolean =>
    c.method === 'chat.postMessage' && c.params.channel === channel && c.status === status;
