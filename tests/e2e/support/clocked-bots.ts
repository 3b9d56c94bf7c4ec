import type { SlackStandin } from '@osm-feature-bot/slack-standin';
import { expect } from 'vitest';
import type { SingleWorkspaceBot } from '../../../src/bot.js';
import { editFile, startNoticeBot } from './notices-harness.js';

/**
 * Bots on one workspace's registry and database, sharing a clock that is real time moved on by `offset`: a
 * test lets two hours (or a day) pass at once, and any number of them run at once as replicas.
 */
export class ClockedBots {
  offset = 0;
  readonly running: SingleWorkspaceBot[] = [];
  readonly clock = (): number => Date.now() + this.offset;

  constructor(
    private readonly standin: SlackStandin,
    private readonly ws: { registryPath: string; databaseUrl: string },
  ) {}

  /** Moves the clock so that it reads `at` now. */
  setNow(at: number): void {
    this.offset = at - Date.now();
  }

  async start(): Promise<SingleWorkspaceBot> {
    const { bot } = await startNoticeBot(this.standin, this.ws, {}, { now: this.clock, registrySyncMs: 50 });
    this.running.push(bot);
    return bot;
  }

  async stopAll(): Promise<void> {
    for (const bot of this.running.splice(0)) await bot.stop();
  }

  /** Every bot looks for ended mutes and due digests now, then sends what it queued. */
  async tick(): Promise<void> {
    await Promise.all(this.running.map((b) => b.notices.releaseHeldNotices()));
    await Promise.all(this.running.map((b) => b.notices.whenIdle()));
  }
}

/** Edits the registry file and waits until `bot` has committed the change-set and drained the outbox. */
export async function changeRegistry(
  bot: SingleWorkspaceBot,
  registryPath: string,
  edit: (text: string) => string,
): Promise<void> {
  const committed = new Promise((resolve) => bot.notices.once('committed', resolve));
  editFile(registryPath, edit);
  await committed;
  await bot.notices.whenIdle();
}

/** Runs /osm-feature `text` with `fields` and gives back its answer (the ack's, or response_url's), as JSON. */
export async function commandAnswer(
  standin: SlackStandin,
  text: string,
  fields: Partial<Record<string, string>> = {},
): Promise<string> {
  const seen = standin.callsTo('response_url').length;
  const res = await standin.sendCommand(text, fields);
  expect(res.status).toBe(200);
  if (res.body && (JSON.parse(res.body) as { text?: string }).text) return res.body;
  const calls = await standin.waitForCall('response_url', { count: seen + 1 });
  return JSON.stringify(calls.at(-1)?.params);
}
