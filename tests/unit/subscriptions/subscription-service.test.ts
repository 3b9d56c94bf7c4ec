import { assertWithinSlackLimits, SlackStandin } from '@osm-feature-bot/slack-standin';
import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Intent } from '../../../src/intents/intent.js';
import { parseIntent } from '../../../src/intents/parse.js';
import type { SlackMessage } from '../../../src/render/slack/blocks.js';
import { renderSlackAnswer } from '../../../src/render/slack/render-answer.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite/open-sqlite.js';
import {
  createSubscriptionService,
  type SubscriptionService,
} from '../../../src/subscriptions/subscription-service.js';
import { realRegistry } from '../../harness/registry-fixtures.js';

const registry = realRegistry();
let standin: SlackStandin;
let client: webApi.WebClient;
let store: SqliteStore;
let commands: SubscriptionService;

beforeAll(async () => {
  standin = await SlackStandin.start({
    channels: [
      { id: 'C0PUBLIC', name: 'public', isMember: false },
      { id: 'C0PRIVIN', name: 'private-in', isPrivate: true, isMember: true },
      { id: 'G0PRIV', name: 'private-out', isPrivate: true, isMember: false },
      { id: 'C0ARCH', name: 'archived', isArchived: true },
      { id: 'D0BOTDM', name: 'U0USER', isIm: true, user: 'U0USER' },
    ],
  });
  client = new webApi.WebClient(standin.botToken, {
    slackApiUrl: standin.apiUrl,
    retryConfig: { retries: 0 },
  });
});
afterAll(async () => standin.close());
const WS = { teamId: 'T0STANDIN' };
beforeEach(async () => {
  store = await openSqliteStore(':memory:', () => Date.UTC(2024, 4, 1));
  commands = createSubscriptionService({ registry: { current: () => registry }, store });
});
afterEach(async () => store.close());

type SubIntent = Extract<Intent, { kind: 'subscribe' | 'unsubscribe' | 'subscriptions' }>;
async function ask(text: string, channelId = 'C0PUBLIC', userId = 'U0USER'): Promise<SlackMessage> {
  const intent = parseIntent(text, registry);
  if (intent.kind !== 'subscribe' && intent.kind !== 'unsubscribe' && intent.kind !== 'subscriptions') {
    throw new Error(`${text} parsed as ${intent.kind}`);
  }
  const result = await commands.runCommand(intent as SubIntent, {
    workspace: WS,
    channelId,
    userId,
    client,
    log: pino({ level: 'silent' }),
  });
  const answer = renderSlackAnswer(result);
  assertWithinSlackLimits(answer);
  return answer;
}
const say = (m: SlackMessage): string => JSON.stringify(m.blocks);

describe('subscribe', () => {
  it.each([
    ['subscribe', { kind: 'all' }, 'every lifecycle change'],
    ['subscribe multicluster', { kind: 'feature', featureId: 'multicluster' }, 'changes to *Multicluster*'],
    [
      'subscribe category security',
      { kind: 'category', categoryId: 'security' },
      'Security and certificate management',
    ],
    ['subscribe beta', { kind: 'state', state: 'Beta' }, 'into or out of *Beta*'],
    ['subscribe promotions', { kind: 'promotions' }, 'promoted to a more stable state'],
    ['subscribe removals', { kind: 'removals' }, 'removed from the lifecycle page'],
  ])(
    '%s: stores the filter and says in plain words what the channel will get',
    async (text, filter, words) => {
      const answer = await ask(text);
      expect(await store.subscriptions.list(WS, { channelId: 'C0PUBLIC' })).toMatchObject([
        { filter, createdBy: 'U0USER', source: 'command' },
      ]);
      expect(say(answer)).toContain(
        'Subscribed. This channel will get one notice each time the registry changes',
      );
      expect(say(answer)).toContain(words);
    },
  );

  it('subscribing twice keeps one subscription and says so', async () => {
    await ask('subscribe promotions');
    const again = await ask('subscribe promotions');
    expect(await store.subscriptions.list(WS, { channelId: 'C0PUBLIC' })).toHaveLength(1);
    expect(say(again)).toContain('already gets');
  });

  it('an unknown feature: not found with suggestions, nothing stored', async () => {
    const answer = await ask('subscribe multiclustr zzz qqq');
    expect(await store.subscriptions.list(WS)).toHaveLength(0);
    expect(answer.text).toContain("I don't know an OSM feature called");
  });

  it('an ambiguous feature: did you mean, nothing stored', async () => {
    const answer = await ask('subscribe certificate provider');
    expect(await store.subscriptions.list(WS)).toHaveLength(0);
    expect(say(answer)).toContain('could be more than one feature');
  });

  it('a private channel the bot is not in: explains /invite and does not subscribe', async () => {
    const answer = await ask('subscribe', 'G0PRIV');
    expect(await store.subscriptions.list(WS)).toHaveLength(0);
    expect(say(answer)).toContain('/invite @osm-feature');
    expect(say(answer)).toContain('*not* subscribed');
  });

  it('an archived channel is refused; a private channel with the bot and a DM are fine', async () => {
    expect(say(await ask('subscribe', 'C0ARCH'))).toContain('archived');
    await ask('subscribe', 'C0PRIVIN');
    await ask('subscribe', 'D0BOTDM');
    expect((await store.subscriptions.list(WS)).map((s) => s.channelId)).toEqual(['C0PRIVIN', 'D0BOTDM']);
  });

  it('a channel Slack will not show (private, bot not in it) gets the invite answer', async () => {
    const answer = await ask('subscribe', 'C0UNKNOWN');
    expect(say(answer)).toContain('/invite @osm-feature');
    expect(await store.subscriptions.list(WS)).toHaveLength(0);
  });

  it('escapes what the user typed', async () => {
    const answer = await ask('subscribe <!channel> zzzzzz');
    expect(JSON.stringify(answer)).not.toContain('<!channel>');
  });

  it('resumes a paused subscription', async () => {
    await ask('subscribe');
    await store.subscriptions.deactivateChannel(WS, 'C0PUBLIC', 'not_in_channel');
    expect(say(await ask('subscribe'))).toContain('resumed');
    expect(await store.subscriptions.list(WS, { channelId: 'C0PUBLIC' })).toHaveLength(1);
  });
});

describe('subscriptions and unsubscribe', () => {
  it('lists who subscribed and when, and marks paused ones', async () => {
    await ask('subscribe promotions', 'C0PUBLIC', 'U0ALICE');
    await ask('subscribe multicluster', 'C0PUBLIC', 'U0BOB');
    await store.subscriptions.add(WS, {
      channelId: 'C0PUBLIC',
      filter: { kind: 'all' },
      createdBy: 'NOTICE_CHANNELS',
      source: 'config',
    });
    const list = say(await ask('subscriptions'));
    expect(list).toContain('promotions — by <@U0ALICE>, <!date^1714521600^{date_short_pretty}|2024-05-01>');
    expect(list).toContain('feature *Multicluster* — by <@U0BOB>');
    expect(list).toContain('all changes — from NOTICE_CHANNELS');
    await store.subscriptions.deactivateChannel(WS, 'C0PUBLIC', 'channel_not_found');
    expect(say(await ask('subscriptions'))).toContain('_(paused: channel_not_found)_');
  });

  it('unsubscribe <filter> removes that one and says what is left', async () => {
    await ask('subscribe promotions');
    await ask('subscribe multicluster');
    const answer = say(await ask('unsubscribe multicluster'));
    expect(answer).toContain('Unsubscribed from feature *Multicluster*. It still gets: promotions.');
    expect(await store.subscriptions.list(WS, { channelId: 'C0PUBLIC' })).toMatchObject([
      { filter: { kind: 'promotions' } },
    ]);
  });

  it('unsubscribe <filter> that was never there says so', async () => {
    expect(say(await ask('unsubscribe removals'))).toContain('wasn’t subscribed to removals');
  });

  it('unsubscribe removes everything in the channel only', async () => {
    await ask('subscribe promotions');
    await ask('subscribe removals');
    await ask('subscribe', 'C0PRIVIN');
    expect(say(await ask('unsubscribe'))).toContain('removed 2 subscriptions');
    expect((await store.subscriptions.list(WS)).map((s) => s.channelId)).toEqual(['C0PRIVIN']);
  });

  it('unsubscribing a NOTICE_CHANNELS subscription warns that it comes back at restart', async () => {
    await store.subscriptions.add(WS, {
      channelId: 'C0PUBLIC',
      filter: { kind: 'all' },
      createdBy: 'NOTICE_CHANNELS',
      source: 'config',
    });
    expect(say(await ask('unsubscribe'))).toContain('NOTICE_CHANNELS');
  });
});
