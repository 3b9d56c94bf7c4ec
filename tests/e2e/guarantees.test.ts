import { SlackStandin } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SingleWorkspaceBot } from '../../src/bot.js';
import { commandAnswer } from './support/clocked-bots.js';
import { editFile, noticesIn, noticeWorkspace, startNoticeBot } from './support/notices-harness.js';

let standin: SlackStandin;
let ws: ReturnType<typeof noticeWorkspace>;
let bot: SingleWorkspaceBot;

beforeEach(async () => {
  standin = await SlackStandin.start({
    channels: ['C0BETA', 'C0VAULT', 'C0ALPHA'].map((id) => ({ id, name: id.toLowerCase() })),
  });
  ws = noticeWorkspace();
  ({ bot } = await startNoticeBot(standin, ws));
});
afterEach(async () => {
  await bot.stop();
  await standin.close();
  ws.cleanup();
});

/** The registry now describes v1.3: a new release listed, nothing else edited. */
const releaseV13 = (text: string): string => {
  const out = text
    .replace('current_release: v1.2', 'current_release: v1.3')
    .replace(/(\n {2}- name: v1\.2\n(?: {4}.*\n)*)/, '$1  - name: v1.3\n    date: 2022-10-20\n');
  if (out === text) throw new Error('releaseV13: pattern not found');
  return out;
};

const command = (text: string, channel: string): Promise<string> =>
  commandAnswer(standin, text, { channel_id: channel });

describe('guarantee alerts', () => {
  it('when the current release moves past a Beta feature’s promised releases, subscribers get one notice', async () => {
    const before = await command('guarantees', 'C0BETA');
    expect(before).toContain('Guarantees as of v1.2');
    expect(before).toContain(
      '*Certificate provider - Hashicorp Vault* (Beta since v1.0): supported through at least v1.2 (this is the last promised release)',
    );
    await command('subscribe beta', 'C0BETA');
    await command('subscribe vault', 'C0VAULT');
    await command('subscribe alpha', 'C0ALPHA');

    const committed = new Promise((resolve) => bot.notices.once('committed', resolve));
    editFile(ws.registryPath, releaseV13);
    await committed;
    await bot.notices.whenIdle();

    expect(noticesIn(standin, 'C0ALPHA')).toHaveLength(0);
    const [vault] = noticesIn(standin, 'C0VAULT');
    expect(noticesIn(standin, 'C0VAULT')).toHaveLength(1);
    const text = JSON.stringify(vault?.blocks);
    expect(text).toContain(
      '*Certificate provider - Hashicorp Vault*: Beta guarantee ended (Beta since v1.0, supported through at least v1.2; the registry now describes v1.3)',
    );
    expect(text).toContain(
      'What it means: the releases the Beta policy promised are over, so it may now be deprecated',
    );
    expect(text).toContain('The policy: Feature will be supported for at least 2 minor releases');
    expect(text).not.toContain('cert-manager');
    const [beta] = noticesIn(standin, 'C0BETA');
    expect(noticesIn(standin, 'C0BETA')).toHaveLength(1);
    expect((JSON.stringify(beta?.blocks).match(/Beta guarantee ended/g) ?? []).length).toBeGreaterThanOrEqual(
      2,
    );

    // A restart announces nothing again; the list now starts with the ended ones.
    await bot.stop();
    ({ bot } = await startNoticeBot(standin, ws));
    await bot.notices.whenIdle();
    expect(noticesIn(standin, 'C0VAULT')).toHaveLength(1);
    const after = await command('guarantees', 'C0ALPHA');
    expect(after).toContain('Guarantees as of v1.3');
    expect(after).toMatch(/soonest to end first; \d+ ended/);
    expect(after.indexOf('guarantee ended after v1.2')).toBeLessThan(after.indexOf('Stable'));
    standin.assertClean();
  });
});
