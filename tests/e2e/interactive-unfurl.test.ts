import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from './support/bot-under-test.js';

let t: BotUnderTest;
beforeEach(async () => {
  t = await startBotUnderTest();
});
afterEach(async () => {
  await t.close();
});

const DOCS = 'https://docs.openservicemesh.io';

function linkShared(links: string[], extra: Record<string, unknown> = {}) {
  return {
    type: 'link_shared',
    channel: 'C0GENERAL',
    is_bot_user_member: true,
    user: 'U0USER',
    message_ts: '1700000005.000100',
    unfurl_id: 'C0GENERAL.1700000005.000100.abc',
    source: 'conversations_history',
    links: links.map((url) => ({ domain: new URL(url).hostname, url })),
    ...extra,
  };
}

describe('docs link unfurls', () => {
  it('unfurls a feature page into its card and the lifecycle page into a summary, and nothing else', async () => {
    const egress = `${DOCS}/docs/guides/traffic_management/egress/`;
    const lifecycle = `${DOCS}/docs/releases/feature_lifecycle/`;
    const other = 'https://github.com/openservicemesh/osm';
    const unknownPage = `${DOCS}/docs/overview/about/`;
    await t.standin.sendEvent(linkShared([egress, lifecycle, other, unknownPage]));
    const [call] = await t.standin.waitForCall('chat.unfurl');
    expect(call?.response).toMatchObject({ ok: true });
    expect(call?.params).toMatchObject({ channel: 'C0GENERAL', ts: '1700000005.000100' });
    const unfurls = call?.params.unfurls as Record<string, { blocks: unknown[] }>;
    expect(Object.keys(unfurls).sort()).toEqual([egress, lifecycle].sort());
    expect(JSON.stringify(unfurls[egress]?.blocks)).toContain('*Egress');
    expect(JSON.stringify(unfurls[lifecycle]?.blocks)).toContain(':white_check_mark: Stable: *21*');
    t.standin.assertClean();
  });

  it('unfurls a link still in the composer by unfurl_id and source', async () => {
    await t.standin.sendEvent(
      linkShared([`${DOCS}/docs/guides/traffic_management/circuit_breaking/`], {
        channel: 'COMPOSER',
        source: 'composer',
        unfurl_id: 'Uf0COMPOSER',
      }),
    );
    const [call] = await t.standin.waitForCall('chat.unfurl');
    expect(call?.params).toMatchObject({ unfurl_id: 'Uf0COMPOSER', source: 'composer' });
    expect(call?.params.channel).toBeUndefined();
    expect(JSON.stringify(call?.params.unfurls)).toContain('Circuit breaking');
    t.standin.assertClean();
  });

  it('calls nothing for links it has no card for', async () => {
    await t.standin.sendEvent(linkShared(['https://example.com/', `${DOCS}/docs/overview/about/`]));
    // A later event with a known link is answered; the first would have been answered before it.
    await t.standin.sendEvent(linkShared([`${DOCS}/docs/guides/cli/`], { message_ts: '1700000006.000100' }));
    await t.standin.waitForCall('chat.unfurl');
    expect(t.standin.callsTo('chat.unfurl').map((c) => c.params.ts)).toEqual(['1700000006.000100']);
  });
});
