import {
  NOTICE_FORMATS,
  type NoticeFormat,
  SUBSCRIBE_POLICIES,
  type SubscribePolicy,
} from '../intents/settings-intent.js';
import type { SettingsStore, StoredSetting, WorkspaceRef } from '../store/store.js';

export const SUBSCRIBE_POLICY = 'subscribe-policy';
const DEFAULT_POLICY: SubscribePolicy = 'anyone';

/** The stored policy, or the default when it was never set (or holds a value this build does not know). */
export function policyOf(settings: readonly StoredSetting[]): SubscribePolicy {
  const stored = settings.find((s) => s.name === SUBSCRIBE_POLICY)?.value;
  return SUBSCRIBE_POLICIES.find((p) => p === stored) ?? DEFAULT_POLICY;
}

/** Who may subscribe and unsubscribe the workspace's channels. */
export async function subscribePolicy(
  settings: Pick<SettingsStore, 'list'>,
  ws: WorkspaceRef,
): Promise<SubscribePolicy> {
  return policyOf(await settings.list(ws));
}

export const FORMAT_SETTING = 'format';

/** A channel's notice format: `full` unless it chose `compact`. */
export function formatOf(settings: readonly StoredSetting[]): NoticeFormat {
  const stored = settings.find((s) => s.name === FORMAT_SETTING)?.value;
  return NOTICE_FORMATS.find((f) => f === stored) ?? 'full';
}
