/** Who may subscribe and unsubscribe a workspace's channels. */
export const SUBSCRIBE_POLICIES = ['anyone', 'admins', 'channel-creator'] as const;
export type SubscribePolicy = (typeof SUBSCRIBE_POLICIES)[number];

/** How a channel's notices look: each change with what its state promises, or one line per change. */
export const NOTICE_FORMATS = ['full', 'compact'] as const;
export type NoticeFormat = (typeof NOTICE_FORMATS)[number];

/** The settings a person can name, and the values each takes. */
export const SETTING_VALUES = { 'subscribe-policy': SUBSCRIBE_POLICIES, format: NOTICE_FORMATS } as const;
export type SettingName = keyof typeof SETTING_VALUES;

export type SettingRequest =
  | { name: 'subscribe-policy'; value: SubscribePolicy }
  /** A channel's own setting. */
  | { name: 'format'; value: NoticeFormat };

/** How long to mute a channel: for a while, or until a day (YYYY-MM-DD, from 00:00 UTC). */
export type MuteRequest = { kind: 'for'; ms: number } | { kind: 'until'; date: string };

/** Commands about a workspace's settings and a channel's deliveries: they need the store and Slack. */
export type SettingsIntent =
  | { kind: 'settings' }
  | { kind: 'set-setting'; setting: SettingRequest }
  /** A setting or value that is not one: `name` is what was typed ('' when nothing was). */
  | { kind: 'bad-setting'; name: string; value?: string }
  | { kind: 'deliveries' }
  | { kind: 'mute'; request: MuteRequest }
  | { kind: 'unmute' }
  /** A mute whose length could not be read: what was typed after `mute`. */
  | { kind: 'bad-mute'; text: string }
  /** A subscribe with a schedule there is none of (`hourly`). */
  | { kind: 'bad-schedule'; word: string };

export const SETTINGS_INTENT_KINDS: ReadonlySet<string> = new Set<SettingsIntent['kind']>([
  'settings',
  'set-setting',
  'bad-setting',
  'deliveries',
  'mute',
  'unmute',
  'bad-mute',
  'bad-schedule',
]);
