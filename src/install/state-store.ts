import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type InstallURLOptions, InvalidStateError, type StateStore } from '@slack/oauth';
import { z } from 'zod';
import { parseJson } from '../shared/json.js';
import type { OAuthStateStore } from '../store/store.js';

/** Slack's authorization codes live ten minutes; a state need not outlive them. */
export const STATE_TTL_MS = 10 * 60 * 1000;

const Options = z.looseObject({
  scopes: z.union([z.string(), z.array(z.string())]),
  teamId: z.string().optional(),
  redirectUri: z.string().optional(),
  userScopes: z.union([z.string(), z.array(z.string())]).optional(),
  metadata: z.string().optional(),
});

/**
 * The OAuth `state` (https://api.slack.com/authentication/oauth-v2#asking): a random id, signed with
 * SLACK_STATE_SECRET so a made-up one is refused without a database read, and kept in the store until the
 * browser comes back. Consuming it deletes it, so a state is accepted once, by whichever replica gets the
 * redirect, and never after STATE_TTL_MS. InstallProvider also binds it to the browser with a cookie.
 */
export function createStateStore(deps: {
  states: OAuthStateStore;
  secret: string;
  now: () => number;
}): StateStore {
  const sign = (id: string): string => createHmac('sha256', deps.secret).update(id).digest('base64url');
  const signedId = (state: string): string | undefined => {
    const [id, signature, extra] = state.split('.');
    if (!id || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(sign(id));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
  };
  return {
    async generateStateParam(installOptions: InstallURLOptions) {
      const id = randomBytes(24).toString('base64url');
      const now = deps.now();
      await deps.states.issue(id, JSON.stringify(installOptions), now + STATE_TTL_MS, now);
      return `${id}.${sign(id)}`;
    },
    async verifyStateParam(_now: Date, state: string) {
      const id = signedId(state);
      if (!id) throw new InvalidStateError('The state was not issued by this app.');
      const options = await deps.states.consume(id, deps.now());
      if (options === undefined) throw new InvalidStateError('The state has expired or was already used.');
      const json = parseJson(options);
      const parsed = json.ok ? Options.safeParse(json.value) : undefined;
      if (!parsed?.success) throw new InvalidStateError('The state carries options this build cannot read.');
      return parsed.data;
    },
  };
}
