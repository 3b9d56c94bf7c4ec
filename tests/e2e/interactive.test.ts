import type { BlockActionInput, RecordedCall, StoredMessage } from '@osm-feature-bot/slack-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/render/slack/ids.js';
import { type BotUnderTest, startBotUnderTest } from './support/bot-under-test.js';

let t: BotUnderTest;
beforeEach(async () => {
  t = await startBotUnderTest();
});
afterEach(async () => {
  await t.close();
});

interface Answer {
  text: string;
  blocks: Record<string, unknown>[];
}
type Option = { text: { type: 'plain_text'; text: string }; value: string };
type Element = {
  type: string;
  action_id: string;
  value?: string;
  text?: { text: string };
  options?: Option[];
};

/** A slash command, and its ack'd answer shown as Slack shows it: an ephemeral message in the channel. */
async function ask(text: string): Promise<{ answer: Answer; ts: string }> {
  const res = await t.standin.sendCommand(text);
  expect(res.status).toBe(200);
  const answer = JSON.parse(res.body) as Answer;
  const shown = await fetch(t.standin.newResponseUrl({ channel: 'C0GENERAL', user: 'U0USER' }), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(answer),
  });
  expect(shown.status).toBe(200);
  const ts = t.standin.messages('C0GENERAL').at(-1)?.ts;
  if (!ts) throw new Error('the answer was not shown');
  return { answer, ts };
}

/** The interactive elements of a message, with the block they sit in. */
function elementsOf(blocks: readonly unknown[]): { blockId: string; element: Element }[] {
  return (blocks as { type: string; block_id?: string; elements?: Element[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((element) => ({ blockId: b.block_id ?? '', element })));
}

function button(blocks: readonly unknown[], prefix: string, index = 0): BlockActionInput {
  const found = elementsOf(blocks).filter((e) => e.element.action_id.startsWith(prefix))[index];
  if (!found) throw new Error(`no ${prefix} button`);
  return { action_id: found.element.action_id, block_id: found.blockId, value: found.element.value ?? '' };
}

function choose(blocks: readonly unknown[], actionId: string, optionText: string): BlockActionInput {
  const found = elementsOf(blocks).find((e) => e.element.action_id === actionId);
  const option = found?.element.options?.find((o) => o.text.text.includes(optionText));
  if (!found || !option) throw new Error(`no ${actionId} option ${optionText}`);
  return { type: 'static_select', action_id: actionId, block_id: found.blockId, selected_option: option };
}

/** Sends a signed block_actions payload for a click on the message at `ts`; resolves the replies it caused. */
async function click(action: BlockActionInput, ts: string, replies = 1): Promise<RecordedCall[]> {
  const payload = t.standin.buildBlockActionsPayload(action, { messageTs: ts });
  const res = await t.standin.sendInteraction(payload);
  // Every handler acks at once, before doing its work.
  expect(res.status).toBe(200);
  const id = String(payload.response_url).split('/').at(-1);
  return t.standin.waitForCall((c) => c.kind === 'respond' && c.responseUrlId === id, { count: replies });
}

const message = (ts: string): StoredMessage | undefined =>
  t.standin.messages('C0GENERAL').find((m) => m.ts === ts);
const headerOf = (blocks: readonly unknown[] | undefined): string | undefined =>
  (blocks as { type: string; text?: { text: string } }[] | undefined)?.find((b) => b.type === 'header')?.text
    ?.text;

describe('buttons on a feature card', () => {
  it('shares the card in the channel, says who shared it, and replaces the ephemeral copy', async () => {
    const { answer, ts } = await ask('multicluster');
    await click(button(answer.blocks, ACTION_IDS.shareCard), ts, 2);
    const visible = t.standin.messages('C0GENERAL').filter((m) => !m.ephemeral);
    expect(visible).toHaveLength(1);
    expect(headerOf(visible[0]?.blocks)).toBe('Multicluster');
    expect(JSON.stringify(visible[0]?.blocks)).toContain('Shared by <@U0USER>');
    expect(JSON.stringify(visible[0]?.blocks)).not.toContain(ACTION_IDS.shareCard);
    const original = message(ts);
    expect(original?.ephemeral).toEqual({ user: 'U0USER' });
    expect(original?.replaced).toBe(true);
    expect(original?.text).toContain('Shared *Multicluster* in this channel');
    t.standin.assertClean();
  });

  it('shares a card asked "as of" a release as that release\'s card', async () => {
    const { answer, ts } = await ask('multicluster@v1.0');
    await click(button(answer.blocks, ACTION_IDS.shareCard), ts, 2);
    const visible = t.standin.messages('C0GENERAL').filter((m) => !m.ephemeral);
    expect(JSON.stringify(visible[0]?.blocks)).toContain('as of v1.0');
    t.standin.assertClean();
  });

  it('shares a card from a mention answer without removing it', async () => {
    await t.standin.sendEvent({
      type: 'app_mention',
      user: 'U0USER',
      text: `<@${t.standin.botUserId}> vault`,
      ts: '1700000001.000100',
      channel: 'C0GENERAL',
    });
    const [post] = await t.standin.waitForCall('chat.postMessage');
    const ts = String((post?.response as { ts?: string } | undefined)?.ts);
    const [posted] = await click(button(message(ts)?.blocks ?? [], ACTION_IDS.shareCard), ts, 2);
    expect(posted?.params.response_type).toBe('in_channel');
    expect(message(ts)?.replaced).toBeUndefined();
    expect(t.standin.messages('C0GENERAL').filter((m) => m.ephemeral)).toHaveLength(1);
    t.standin.assertClean();
  });

  it('shows what the state promises in a new ephemeral message, leaving the card', async () => {
    const { answer, ts } = await ask('multicluster');
    const policy = button(answer.blocks, ACTION_IDS.showPolicy);
    expect(policy.value).toBe('Alpha');
    const [reply] = await click(policy, ts);
    expect(reply?.params.replace_original).toBe(false);
    expect(JSON.stringify(reply?.params.blocks)).toContain('Alpha: what it promises');
    expect(message(ts)?.replaced).toBeUndefined();
    t.standin.assertClean();
  });

  it('subscribes the channel to the feature and confirms, leaving the card', async () => {
    const { answer, ts } = await ask('vault');
    const subscribe = button(answer.blocks, ACTION_IDS.subscribeFeature);
    expect(subscribe.value).toBe('certificate-provider-vault');
    const [reply] = await click(subscribe, ts);
    expect(reply?.params.replace_original).toBe(false);
    expect(String(reply?.params.text).length).toBeGreaterThan(0);
    expect(
      (await t.bot.store.subscriptions.list(t.bot.workspace, { channelId: 'C0GENERAL' })).map(
        (s) => s.filter,
      ),
    ).toEqual([{ kind: 'feature', featureId: 'certificate-provider-vault' }]);
    expect(message(ts)?.replaced).toBeUndefined();
    t.standin.assertClean();
  });
});

describe('did you mean', () => {
  it('replaces the answer with the card of the feature clicked', async () => {
    // Split evidence: "egress" is Egress policies, "gateway" is the Contour ingress gateway.
    const { answer, ts } = await ask('egress gateway');
    const pick = button(answer.blocks, ACTION_IDS.pickFeature, 1);
    expect(pick.action_id).toBe(`${ACTION_IDS.pickFeature}:1`);
    expect(pick.value).toBe('ingress-gateway-contour');
    await click(pick, ts);
    const replaced = message(ts);
    expect(replaced?.replaced).toBe(true);
    expect(headerOf(replaced?.blocks)).toMatch(/Contour/);
    expect(JSON.stringify(replaced?.blocks)).toContain('Supported through at least v1.2');
    // The card that replaced it has its own buttons.
    expect(button(replaced?.blocks ?? [], ACTION_IDS.shareCard).value).toBe('ingress-gateway-contour');
    t.standin.assertClean();
  });
});

describe('list filters', () => {
  it('filter a list in place by category, then state, then back to all categories', async () => {
    const { answer, ts } = await ask('stable');
    expect(headerOf(answer.blocks)).toBe('Stable features in v1.2 (21)');

    await click(choose(answer.blocks, ACTION_IDS.filterCategory, 'Security'), ts);
    const byCategory = message(ts);
    expect(headerOf(byCategory?.blocks)).toMatch(
      /^Stable features in Security and certificate management in v1\.2 \(\d+\)$/,
    );

    await click(choose(byCategory?.blocks ?? [], ACTION_IDS.filterState, 'Beta'), ts);
    const byBoth = message(ts);
    expect(headerOf(byBoth?.blocks)).toMatch(/^Beta features in Security and certificate management/);

    await click(choose(byBoth?.blocks ?? [], ACTION_IDS.filterCategory, 'All categories'), ts);
    expect(headerOf(message(ts)?.blocks)).toBe('Beta features in v1.2 (5)');
    expect(t.standin.messages('C0GENERAL')).toHaveLength(1);
    t.standin.assertClean();
  });

  it('keeps the release of a list asked "as of" a release', async () => {
    const { answer, ts } = await ask('alpha in v1.0');
    await click(choose(answer.blocks, ACTION_IDS.filterState, 'Stable'), ts);
    expect(headerOf(message(ts)?.blocks)).toMatch(/^Stable features in v1\.0/);
  });
});

describe('clicks on old messages', () => {
  it.each([ACTION_IDS.pickFeature, ACTION_IDS.shareCard, ACTION_IDS.subscribeFeature])(
    '%s for a feature no longer in the registry is answered kindly',
    async (actionId) => {
      const { ts } = await ask('certificate provider');
      const [reply] = await click({ action_id: actionId, value: 'feature-since-removed' }, ts);
      expect(String(reply?.params.text)).toContain('no longer in the registry');
      expect(reply?.params.replace_original).toBe(false);
      expect(message(ts)?.replaced).toBeUndefined();
    },
  );

  it('a filter naming a category that has gone, or a value from another version, is answered kindly', async () => {
    const { ts } = await ask('list');
    const option = (value: string): Option => ({ text: { type: 'plain_text', text: 'x' }, value });
    const [gone] = await click(
      { type: 'static_select', action_id: ACTION_IDS.filterCategory, selected_option: option('v=1&c=gone') },
      ts,
    );
    expect(String(gone?.params.text)).toContain('no longer in the registry');
    const [old] = await click(
      { type: 'static_select', action_id: ACTION_IDS.filterState, selected_option: option('v=0&s=Beta') },
      ts,
    );
    expect(String(old?.params.text)).toContain('too old');
    expect(message(ts)?.replaced).toBeUndefined();
  });
});

describe('an action id this build does not know', () => {
  it('is still acknowledged, and changes nothing', async () => {
    const payload = t.standin.buildBlockActionsPayload({ action_id: 'osm_retired_button', value: 'x' });
    const res = await t.standin.sendInteraction(payload);
    expect(res.status).toBe(200);
    expect(t.standin.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
