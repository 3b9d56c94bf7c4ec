import type { ChangeVerb, SubscriptionResult } from '../answer/subscription-result.js';
import type { SubscribePolicy } from '../intents/settings-intent.js';
import { channelOwner, lookUpPerson } from './people.js';
import type { ChannelContext } from './subscription-service.js';

/**
 * Whether the workspace's policy lets the asker subscribe or unsubscribe this channel: under `anyone`
 * everyone (and nothing is asked of Slack); under `admins` workspace admins and owners; under
 * `channel-creator` the channel's creator, and admins and owners too. A refusal is the answer to give.
 */
export async function checkSubscribePermission(
  policy: SubscribePolicy,
  verb: ChangeVerb,
  ctx: ChannelContext,
): Promise<{ ok: true } | { ok: false; result: SubscriptionResult }> {
  if (policy === 'anyone') return { ok: true };
  const person = await lookUpPerson(ctx.client, ctx.userId);
  if (!person.ok) return { ok: false, result: { kind: 'permission-unchecked', verb, error: person.error } };
  if (person.value.isAdmin) return { ok: true };
  if (policy === 'channel-creator') {
    const owner = await channelOwner(ctx.client, ctx.channelId);
    if (!owner.ok) return { ok: false, result: { kind: 'permission-unchecked', verb, error: owner.error } };
    if (owner.value === ctx.userId) return { ok: true };
  }
  ctx.log.info({ policy, verb }, 'subscription change refused by the workspace policy');
  return { ok: false, result: { kind: 'not-allowed', policy, verb } };
}
