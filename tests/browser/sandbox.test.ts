import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/server.js';

/** Debian's Chromium; CI installs it in .ci/run. Playwright's own browser download is never used. */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'tests/artifacts';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `Skipping the sandbox browser tests: ${CHROMIUM} is missing. Install it with: apt-get install -y --no-install-recommends chromium`,
  );
}

let context: BrowserContext;
let profileDir: string;
let workDir: string;
let registryPath: string;
let sandbox: RunningSandbox;
let page: Page;

/** Multicluster goes Alpha → Beta, its history kept consistent with the new state. */
function promoteMulticluster(text: string): string {
  const out = text.replace(
    /(id: multicluster[\s\S]*?state: )Alpha([\s\S]*?history: )\[\{ state: Alpha, since: v1.0 \}\]/,
    '$1Beta$2[{ state: Alpha, since: v1.0 }, { state: Beta, since: v1.2 }]',
  );
  if (out === text) throw new Error('promoteMulticluster: the registry no longer has that shape');
  return out;
}

function messageBox(): Locator {
  return page.getByRole('textbox', { name: 'Message' });
}

/** Types a line into the message box and sends it with Enter, as a person would. */
async function say(text: string): Promise<void> {
  await messageBox().fill(text);
  await messageBox().press('Enter');
}

/** Top-level messages in the open conversation (replies live inside their parent's thread). */
function topLevel(hasText: string | RegExp): Locator {
  return page.getByRole('log').locator(':scope > article', { hasText });
}

function sidebarButton(name: string | RegExp): Locator {
  return page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name });
}

describe.skipIf(!hasChromium)('the sandbox in a real browser (headless Chromium)', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    profileDir = mkdtempSync(join(tmpdir(), 'osm-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 860 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // A cold Chromium start beside a full parallel suite has taken more than the default 20 s.
  }, 90_000);
  afterAll(async () => {
    await context?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'osm-sandbox-'));
    registryPath = join(workDir, 'features.yml');
    copyFileSync('tests/fixtures/registry/osm.yml', registryPath);
    sandbox = await startSandbox({
      port: 0,
      registryPath,
      databaseUrl: `sqlite:${join(workDir, 'sandbox.db')}`,
      log: pino({ level: 'silent' }),
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(sandbox.url);
    await page.locator('body[data-ready="true"]').waitFor();
  });
  afterEach(async () => {
    await page?.close();
    await sandbox?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('answers /osm-feature multicluster with the Alpha card, only visible to you, with its payload', async () => {
    await say('/osm-feature multicluster');
    const card = topLevel('None. Can be deprecated at any time.');
    await card.locator('.bk-header', { hasText: 'Multicluster' }).waitFor();
    expect(await card.locator('.sender').textContent()).toBe('osm-feature');
    expect(await card.locator('.only-you').textContent()).toBe('Only visible to you');
    expect(await card.locator('.bk-fields').textContent()).toMatch(/State\s*🧪 Alpha/);
    expect(await messageBox().inputValue()).toBe('');
    await page.screenshot({ path: join(ARTIFACTS, 'sandbox-card.png') });

    await card.getByRole('button', { name: 'Payload' }).click();
    const payload = card.getByLabel('JSON the bot sent');
    await payload.waitFor();
    const sent = JSON.parse((await payload.textContent()) ?? '{}') as Record<string, unknown>;
    expect(sent).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(sent.blocks)).toContain('Can be deprecated at any time');

    // A button sends a signed block_actions; the answer comes back through response_url.
    await card.getByRole('button', { name: 'What does Alpha promise?' }).click();
    const policy = page.getByRole('log').locator(':scope > article').nth(1);
    await policy.waitFor();
    expect(await policy.locator('.only-you').count()).toBe(1);
    expect(await policy.textContent()).toContain('None. Can be deprecated at any time.');
    sandbox.standin.assertClean();
  });

  it('answers a mention in a thread under the question, and a select there redraws the list', async () => {
    await say('@osm-feature which features are stable?');
    const question = topLevel('which features are stable?');
    await question.waitFor();
    expect(await question.locator('.sender').first().textContent()).toBe('You');
    expect(await question.locator('.mk-mention').first().textContent()).toBe('@osm-feature');

    const answer = question.getByRole('group', { name: 'Replies' }).locator('article');
    await answer.locator('.bk-header', { hasText: 'Stable features in v1.2 (21)' }).waitFor();
    expect(await answer.locator('.mk-list li').count()).toBe(21);
    expect(await answer.locator('.sender').textContent()).toBe('osm-feature');

    // A static select sends a signed block_actions; the bot redraws the list through response_url.
    await answer.getByRole('combobox', { name: 'State' }).selectOption({ label: '🔷 Beta' });
    await answer.locator('.edited').waitFor();
    expect(await answer.locator('.bk-header').textContent()).toMatch(/Beta/);
    const [action] = sandbox.standin.callsTo('response_url');
    expect(action?.params.replace_original).toBe(true);
    sandbox.standin.assertClean();
  });

  it('DMs the bot with the keyboard alone: Tab to the DM, Enter, type, Enter', async () => {
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    const tabbed: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      tabbed.push(await focused());
    }
    expect(tabbed).toEqual(['#general', '#osm-announcements', 'osm-feature']);
    await page.keyboard.press('Enter');
    expect(await page.locator('#channel-title').textContent()).toBe('osm-feature');
    expect(
      await page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id,
      ),
    ).toBe('message');
    await page.keyboard.type('what does beta mean?');
    await page.keyboard.press('Enter');
    const reply = topLevel('at least 2 minor releases');
    await reply.waitFor();
    expect(await reply.locator('.sender').textContent()).toBe('osm-feature');
    expect(await page.getByRole('log').locator(':scope > article').count()).toBe(2);
  });

  it('shows the notice in #osm-announcements when the registry file changes', async () => {
    writeFileSync(registryPath, promoteMulticluster(readFileSync(registryPath, 'utf8')));
    const announcements = sidebarButton(/osm-announcements, 1 new/);
    await announcements.waitFor();
    await announcements.click();
    const notice = topLevel('OSM feature lifecycle update');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Multicluster.*Alpha → Beta/);
    expect(await notice.locator('.sender').textContent()).toBe('osm-feature');
    await page.screenshot({ path: join(ARTIFACTS, 'sandbox-notice.png') });
  });
});
