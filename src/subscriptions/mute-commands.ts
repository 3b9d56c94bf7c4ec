import type { Answer } from '../answer/answer.js';
import type { MuteRequest, SettingsIntent } from '../intents/settings-intent.js';
import type { RegistryProvider } from '../registry/provider.js';
import type { Store } from '../store/store.js';
import { checkSubscribePermission } from './subscribe-permission.js';
import type { ChannelContext } from './subscription-service.js';
import { subscribePolicy } from './workspace-settings.js';

/** The longest mute: a year, so a typo such as `mute 7000d` is answered instead of silencing a channel for good. */
export const MAX_MUTE_MS = 366 * 86_400_000;
export const MUTE_SETTING = 'mute';

export interface MuteDeps {
  store: Store;
  registry: RegistryProvider;
  now: () => number;
}

type MuteIntent = Extract<SettingsIntent, { kind: 'mute' | 'unmute' | 'bad-mute' }>;

const answer = (result: Extract<Answer, { kind: 'settings-result' }>['result']): Answer => ({
  kind: 'settings-result',
  result,
});

/** When a mute asked for ends, or why it cannot be. */
function endOf(
  request: MuteRequest,
  now: number,
): { ok: true; until: number } | { ok: false; reason: 'past' | 'too-long' | 'bad-date' } {
  let until: number;
  if (request.kind === 'for') until = now + request.ms;
  else {
    until = Date.parse(`${request.date}T00:00:00Z`);
    // Date.parse rolls 2027-02-30 over into March: a date that does not read back the same is not one.
    if (Number.isNaN(until) || new Date(until).toISOString().slice(0, 10) !== request.date)
      return { ok: false, reason: 'bad-date' };
  }
  if (until <= now) return { ok: false, reason: 'past' };
  if (until - now > MAX_MUTE_MS) return { ok: false, reason: 'too-long' };
  return { ok: true, until };
}

/** `mute <length>` and `unmute` for one channel, under the workspace's subscribe policy. */
export async function runMuteCommand(
  intent: MuteIntent,
  ctx: ChannelContext,
  deps: MuteDeps,
): Promise<Answer> {
  if (intent.kind === 'bad-mute') return answer({ kind: 'bad-mute', text: intent.text, reason: 'format' });
  const now = deps.now();
  const end = intent.kind === 'mute' ? endOf(intent.request, now) : undefined;
  if (intent.kind === 'mute' && end && !end.ok)
    return answer({
      kind: 'bad-mute',
      text: intent.request.kind === 'until' ? intent.request.date : '',
      reason: end.reason,
    });
  const verb = intent.kind === 'mute' ? 'mute' : 'unmute';
  const allowed = await checkSubscribePermission(
    await subscribePolicy(deps.store.settings, ctx.workspace),
    verb,
    ctx,
  );
  if (!allowed.ok) return { kind: 'subscription-result', result: allowed.result };
  const { store } = deps;
  if (end?.ok) {
    const baseline = (await store.announcements.current())?.registry ?? deps.registry.current();
    const { extended } = await store.mutes.mute(
      ctx.workspace,
      ctx.channelId,
      { until: end.until, mutedBy: ctx.userId, baseline },
      now,
    );
    await store.settings.set(ctx.workspace, {
      channelId: ctx.channelId,
      name: MUTE_SETTING,
      value: new Date(end.until).toISOString(),
      changedBy: ctx.userId,
    });
    ctx.log.info({ until: end.until, extended }, 'channel muted');
    return answer({ kind: 'muted', until: end.until, extended });
  }
  const wasMuted = await store.mutes.unmute(ctx.workspace, ctx.channelId, now);
  if (wasMuted)
    await store.settings.set(ctx.workspace, {
      channelId: ctx.channelId,
      name: MUTE_SETTING,
      value: 'off',
      changedBy: ctx.userId,
    });
  ctx.log.info({ wasMuted }, 'channel unmuted');
  return answer({ kind: 'unmuted', wasMuted });
}
