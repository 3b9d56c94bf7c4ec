import { describe, expect, it } from 'vitest';
import { useSharedBot } from '../e2e/support/shared-bot.js';

// 500 slash commands at once over loopback. Bolt answers 404 to anything not acked within 3 s, so "every one
// is 200 with a body" is the 3-second bar; the time itself is for `npm run bench`, not asserted here.
const BURST = 500;
const QUESTIONS = ['multicluster', 'stable', 'egres policy', 'list', 'what does beta mean?'];

const shared = useSharedBot();

describe('a burst of slash commands', () => {
  it(`acks all ${BURST} with an answer, none dropped, none failed`, async () => {
    const replies = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        shared.t.standin.sendCommand(QUESTIONS[i % QUESTIONS.length] ?? 'help'),
      ),
    );
    const statuses = new Map<number, number>();
    for (const r of replies) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    expect(Object.fromEntries(statuses)).toEqual({ 200: BURST });
    for (const r of replies) {
      const body = JSON.parse(r.body) as { response_type?: string; text?: string };
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toBeTruthy();
    }
    shared.t.standin.assertClean();
    expect(shared.unhandled).toEqual([]);
  });
});
