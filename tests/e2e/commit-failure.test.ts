import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SingleWorkspaceBot } from '../../src/bot.js';
import {
  editFile,
  noticesIn,
  noticeWorkspace,
  promoteMulticluster,
  startNoticeBot,
} from './support/notices-harness.js';

/** A small file system of our own, which a test can fill (a tmpfs), where this machine lets a test mount one. */
function smallDisk(): { dir: string; fill(): void; free(): void; cleanup(): void } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'osm-full-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir]).status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'w');
      const chunk = Buffer.alloc(64 * 1024);
      try {
        for (;;) writeSync(fd, chunk);
      } catch {
        // ENOSPC: the disk is full, as wanted.
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    cleanup: () => {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const disk = smallDisk();
if (!disk) process.stderr.write('cannot mount a tmpfs here (not root?): the full-disk test is skipped\n');

describe.runIf(disk)('a commit that fails (the disk is full) and later succeeds', () => {
  let standin: SlackStandin;
  let ws: ReturnType<typeof noticeWorkspace>;
  let bot: SingleWorkspaceBot | undefined;
  beforeEach(async () => {
    standin = await SlackStandin.start({ channels: [{ id: 'C0ONE', name: 'one' }] });
    ws = noticeWorkspace();
  });
  afterEach(async () => {
    await bot?.stop();
    await standin.close();
    ws.cleanup();
    disk?.free();
    disk?.cleanup();
  });

  it('keeps answering from the announced registry, retries without a restart, and announces once', async () => {
    const databaseUrl = `sqlite:${join(disk?.dir ?? '', 'bot.db')}`;
    ({ bot } = await startNoticeBot(standin, { ...ws, databaseUrl }));
    await bot.store.subscriptions.add(bot.workspace, {
      channelId: 'C0ONE',
      filter: { kind: 'all' },
      createdBy: 'U0USER',
    });
    disk?.fill();
    const failed = once(bot.notices, 'commitFailed');
    editFile(ws.registryPath, promoteMulticluster);
    await failed;
    // The edit is not announced yet, so it is not what the bot answers.
    expect((await standin.sendCommand('multicluster')).body).toContain('Alpha');
    expect(bot.registry.current().features.find((f) => f.id === 'multicluster')?.state).toBe('Alpha');
    const committed = once(bot.notices, 'committed');
    disk?.free();
    await committed;
    await bot.notices.whenIdle();
    expect(noticesIn(standin, 'C0ONE')).toHaveLength(1);
    expect((await standin.sendCommand('multicluster')).body).toContain('Beta');
  }, 30_000);
});
