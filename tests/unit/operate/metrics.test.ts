import { describe, expect, it } from 'vitest';
import { METRIC_CATALOGUE } from '../../../src/operate/metric-names.js';
import { createBotMetrics } from '../../../src/operate/metrics.js';
import { apiMethodOf } from '../../../src/operate/rate-limit-fetch.js';
import { requestKindOf } from '../../../src/operate/request-metrics.js';

/** Each `# TYPE name type` line of a text exposition. */
function typesIn(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) found.set(m[1] ?? '', m[2] ?? '');
  return found;
}

describe('the bot metrics', () => {
  it('register exactly the catalogue: its names, with its types', async () => {
    const metrics = createBotMetrics();
    const types = typesIn(await metrics.render());
    expect([...types.keys()].sort()).toEqual(METRIC_CATALOGUE.map((m) => m.name).sort());
    for (const m of METRIC_CATALOGUE) expect(types.get(m.name)).toBe(m.type);
  });

  it('read the outbox on scrape, once per second however many scrapes come, and keep the last good reading', async () => {
    let clock = 10_000;
    let reads = 0;
    let fail = false;
    const metrics = createBotMetrics(() => clock);
    metrics.readOutbox(async () => {
      reads += 1;
      if (fail) throw new Error('database down');
      return { count: 3, oldestCreatedAt: 4_000 };
    });
    const texts = await Promise.all([metrics.render(), metrics.render(), metrics.render()]);
    expect(reads).toBe(1);
    for (const text of texts) {
      expect(text).toMatch(/^osm_feature_bot_outbox_pending 3$/m);
      expect(text).toMatch(/^osm_feature_bot_outbox_oldest_pending_seconds 6$/m);
    }
    fail = true;
    clock = 11_000;
    expect(await metrics.render()).toMatch(/^osm_feature_bot_outbox_pending 3$/m);
    expect(reads).toBe(2);
  });

  it('label 429s with the method alone, and requests with a closed set of kinds', () => {
    expect(apiMethodOf('http://127.0.0.1:1/api/chat.postMessage')).toBe('chat.postMessage');
    expect(apiMethodOf('https://slack.com/api/C0SECRET')).toBe('other');
    expect(requestKindOf({ command: '/osm-feature' })).toBe('command');
    expect(requestKindOf({ type: 'event_callback', event: { type: 'message', channel_type: 'im' } })).toBe(
      'dm',
    );
    expect(
      requestKindOf({ type: 'event_callback', event: { type: 'message', channel_type: 'channel' } }),
    ).toBe(undefined);
    expect(requestKindOf({ type: 'event_callback', event: { type: 'link_shared' } })).toBe('unfurl');
    expect(requestKindOf({ type: 'event_callback', event: { type: 'app_uninstalled' } })).toBeUndefined();
    expect(requestKindOf({ type: 'block_actions' })).toBe('action');
  });
});
