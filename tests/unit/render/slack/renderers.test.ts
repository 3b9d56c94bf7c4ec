import { assertWithinSlackLimits } from '@osm-feature-bot/slack-standin';
import type { KnownBlock } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../../../../src/registry/schema.js';
import { renderDidYouMean, renderNotFound, renderNotUnderstood } from '../../../../src/render/slack/help.js';
import { escapeMrkdwn, quoteUserText } from '../../../../src/render/slack/mrkdwn.js';
import { loadRegistryFile } from '../../../../src/sources/read-registry.js';
import { askSlack, cardMessage } from '../../../harness/answers.js';
import { syntheticRegistry } from '../../../harness/synthetic-registry.js';

let registry: Registry;
beforeAll(async () => {
  const loaded = await loadRegistryFile('tests/fixtures/registry/osm.yml');
  if (!loaded.ok) throw new Error('the registry fixture does not load');
  registry = loaded.registry;
});

/** Every piece of text in a message's blocks, for "does it say X" checks. */
function allText(blocks: KnownBlock[]): string {
  return JSON.stringify(blocks);
}

function ask(text: string) {
  return askSlack(text, registry);
}

describe('feature card', () => {
  it('shows name, state, category and every promise of the state', () => {
    const feature = registry.features.find((f) => f.id === 'multicluster');
    if (!feature) throw new Error('no multicluster');
    const card = cardMessage(feature, registry);
    expect(card.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Multicluster' } });
    const text = allText(card.blocks);
    expect(text).toContain(':test_tube: Alpha');
    expect(text).toContain('Core');
    for (const value of Object.values(registry.states.Alpha)) expect(text).toContain(escapeMrkdwn(value));
    expect(text).toContain('OSM Feature Lifecycle');
    expect(card.text).toContain('Multicluster: Alpha');
    assertWithinSlackLimits(card);
  });

  it('uses a distinct emoji per state', () => {
    const emoji = ['Alpha', 'Beta', 'Stable'].map((s) => {
      const f = registry.features.find((x) => x.state === s);
      if (!f) throw new Error(`no ${s} feature`);
      return (cardMessage(f, registry).blocks[1] as { fields: { text: string }[] }).fields[0]?.text.split(
        ' ',
      )[0];
    });
    expect(new Set(emoji).size).toBe(3);
  });

  it('shows the computed guarantee, the since-release and notes', () => {
    const text = allText(ask('multicluster').blocks);
    expect(text).toContain('Alpha since v1.0');
    expect(text).toContain('can be deprecated at any time');
    expect(text).toContain('enableMulticlusterMode');
    expect(allText(ask('vault').blocks)).toContain('Supported through at least v1.2');
  });
});

describe('lists', () => {
  it('lists the 21 stable features grouped by category, with counts', () => {
    const message = ask('stable');
    const text = allText(message.blocks);
    expect(text).toContain('Stable features in v1.2 (21)');
    expect(text).toContain('*Core* (5)');
    expect(text).toContain('*Observability* (4)');
    expect(message.text).toContain('OSM CLI');
    assertWithinSlackLimits(message);
  });

  it('lists everything with a state badge on each feature', () => {
    const message = ask('list');
    expect(allText(message.blocks)).toContain(':test_tube: Multicluster');
    expect(allText(message.blocks)).toContain('(30)');
    assertWithinSlackLimits(message);
  });

  it('summarises a 10,000-feature list instead of breaking Slack limits', () => {
    const big = syntheticRegistry(registry, 10_000);
    const message = askSlack('list', big);
    assertWithinSlackLimits(message);
    expect(allText(message.blocks)).toMatch(/…and \d+ more not shown/);
  });

  it('says the category list when a category is unknown', () => {
    const message = ask('category nonsense');
    expect(message.text + allText(message.blocks)).toContain('Traffic management');
  });
});

describe('policy and states', () => {
  it('explains one state', () => {
    const message = ask('policy beta');
    expect(allText(message.blocks)).toContain('at least 2 minor releases');
    assertWithinSlackLimits(message);
  });

  it('puts the three states side by side', () => {
    const message = ask('states');
    const text = allText(message.blocks);
    for (const s of ['Alpha', 'Beta', 'Stable']) expect(text).toContain(`*${s}*`);
    assertWithinSlackLimits(message);
  });
});

describe('answers to bad input', () => {
  it.each(['<!channel>', '<!here>', '<@U123>', '&lt;!channel&gt;', '<https://evil|click>'])(
    'escapes %s when echoed',
    (bad) => {
      for (const message of [
        renderNotFound(bad, []),
        renderNotUnderstood(bad),
        renderDidYouMean(bad, registry.features.slice(0, 2)),
      ]) {
        const text = allText(message.blocks) + message.text;
        expect(text).not.toMatch(/<!(channel|here|everyone)/);
        expect(text).not.toMatch(/<@U/);
        expect(text).not.toContain('<https://evil');
        assertWithinSlackLimits(message);
      }
    },
  );

  it('escapes idempotently and only & < >', () => {
    expect(escapeMrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    expect(escapeMrkdwn(escapeMrkdwn('<!channel>'))).toBe('&lt;!channel&gt;');
    expect(escapeMrkdwn('&lt;!here&gt;')).toBe('&lt;!here&gt;');
    expect(quoteUserText('x'.repeat(500)).length).toBeLessThanOrEqual(80);
    expect(quoteUserText('a\u0000b\u200bc')).toBe('abc');
  });

  it('answers a long paste within limits', () => {
    assertWithinSlackLimits(ask('z'.repeat(10_000)));
  });
});

describe('release-aware answers', () => {
  it('says an unknown release is unknown, for changes too', () => {
    expect(ask('changes v1.5').text).toContain('I have no record of release v1.5');
    expect(ask('multicluster@v9.9').text).toContain('I have no record of release v9.9');
  });

  it('does not show notes from later releases on an "as of" card', () => {
    const text = allText(ask('multicluster@v1.0').blocks);
    expect(text).toContain('as of v1.0');
    expect(text).not.toContain('enableMulticlusterMode');
  });

  it('says a feature that did not exist yet did not exist yet', () => {
    expect(ask('circuit breaking in v1.0').text).toContain('did not exist yet in v1.0');
  });
});
