import { DIGEST_HOUR, isTimeZone, nextLocalHour } from '../shared/local-time.js';
import type { Subscription } from '../store/store.js';
import type { MuteDeps } from './mute-commands.js';
import { lookUpPerson } from './people.js';
import type { ChannelContext } from './subscription-service.js';

/**
 * Plans a scheduled subscription's digests, at 09:00 in the time zone of the person who subscribed
 * (users.info `tz`; UTC when Slack does not say), from the registry announced now; or forgets them when it
 * went back to `immediately`. Says when the first digest is due.
 */
export async function planDigests(
  subscription: Subscription,
  ctx: ChannelContext,
  deps: MuteDeps,
): Promise<{ schedule: 'daily' | 'weekly'; nextAt: number; tz: string } | undefined> {
  const { schedule } = subscription;
  if (schedule === 'immediately') {
    await deps.store.digests.drop(subscription.id);
    return undefined;
  }
  const existing = await deps.store.digests.get(subscription.id);
  const person = await lookUpPerson(ctx.client, ctx.userId);
  const asked = person.ok ? person.value.tz : undefined;
  const tz = asked && isTimeZone(asked) ? asked : 'UTC';
  const nextAt = nextLocalHour(deps.now(), tz, DIGEST_HOUR, schedule);
  // A subscription already on a schedule keeps its baseline: nothing since its last digest is lost.
  const baseline =
    existing?.baseline ?? (await deps.store.announcements.current())?.registry ?? deps.registry.current();
  await deps.store.digests.plan(subscription, { tz, nextAt, baseline });
  ctx.log.info({ schedule, tz, nextAt }, 'subscription digests planned');
  return { schedule, nextAt, tz };
}
