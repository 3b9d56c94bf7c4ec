import { assertWithinSlackLimits, type MessageLike, type RecordedCall } from '@osm-feature-bot/slack-standin';
import { afterAll, describe, expect, it } from 'vitest';
import { useSharedBot } from './support/shared-bot.js';

// Hostile text through the signed HTTP path, to the command and to a mention. Each must get a safe answer:
// within Slack's limits, and never a broadcast, a user mention or a link built from what the user typed.

const shared = useSharedBot();
afterAll(() => {
  expect(shared.unhandled).toEqual([]);
});

const HOSTILE: [string, string][] = [
  ['10,000 characters', `multicluster ${'a'.repeat(10_000)}`],
  ['10,000 characters of broadcasts', '<!channel> '.repeat(1000)],
  ['NUL and control characters', 'multi\u0000cluster\u0001\u0007\u001b[31m\u007f\u0085'],
  ['right-to-left and emoji', '\u202emulticluster\u202c 🚀🔥 مرحبا עברית'],
  ['zero-width characters', 'multi\u200bclu\u200dster\ufeff\u2060'],
  ['a channel broadcast', '<!channel> multicluster'],
  ['a here broadcast', '<!here|here> stable'],
  ['an everyone broadcast', '<!everyone> what is beta'],
  ['a user mention', '<@U123> <@U123|alice> multicluster'],
  ['a user group', '<!subteam^S123|@team> list'],
  ['an escaped broadcast', '&lt;!channel&gt; &lt;!here&gt; &amp;lt;!everyone&amp;gt;'],
  ['a disguised link', '<https://evil.example|click here> multicluster'],
  ['a bare link', 'https://evil.example/phish'],
  ['a mailto link', '<mailto:x@evil.example|mail>'],
  ['a channel link', '<#C0GENERAL|general> egress'],
  ['markdown and code', '*bold* _it_ ~s~ `code` ```block``` > quote'],
  ['a lone surrogate', 'multi\ud800cluster'],
];

const BROADCAST_OR_MENTION = /<!(channel|here|everyone|subteam)|<@[UW]/;
const USER_LINK = /<(https?:\/\/|mailto:)[^>]*evil\.example/;

/** Everything a message shows or links to, as one string. */
function shown(message: MessageLike): string {
  return JSON.stringify([message.text, message.blocks]);
}

function expectSafe(message: MessageLike): void {
  const all = shown(message);
  expect(all).not.toMatch(BROADCAST_OR_MENTION);
  expect(all).not.toMatch(USER_LINK);
  expect(() => assertWithinSlackLimits(message)).not.toThrow();
}

describe('hostile text in /osm-feature', () => {
  it.each(HOSTILE)('%s: a safe ephemeral answer', async (_label, text) => {
    const res = await shared.t.standin.sendCommand(text);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as MessageLike & { response_type?: string };
    expect(body.response_type).toBe('ephemeral');
    expectSafe(body);
  });
});

let tsCounter = 0;

describe('hostile text in a mention', () => {
  it.each(HOSTILE)('%s: a safe answer in the thread', async (_label, text) => {
    tsCounter++;
    const ts = `1700000200.${String(tsCounter).padStart(6, '0')}`;
    const sent = await shared.t.standin.sendEvent({
      type: 'app_mention',
      user: 'U0USER',
      // Slack escapes what was typed (a typed `<` arrives as &lt;) and delivers real mentions as <!here>.
      text: `<@${shared.t.standin.botUserId}> ${text}`,
      ts,
      channel: 'C0GENERAL',
      event_ts: ts,
    });
    expect(sent.status).toBe(200);
    const [post] = await shared.t.standin.waitForCall(
      (c: RecordedCall) => c.method === 'chat.postMessage' && c.params.thread_ts === ts,
    );
    expect(post?.status).toBe(200);
    expectSafe(post?.params as MessageLike);
    shared.t.standin.assertClean();
  });
});
