/**
 * The bot scopes the app asks for when installed (the manifest's oauth_config.scopes.bot; a test checks they
 * agree). Each scope's methods: https://api.slack.com/scopes.
 */
export const BOT_SCOPES = [
  'commands',
  'app_mentions:read',
  'chat:write',
  'chat:write.public',
  'im:history',
  'channels:read',
  'groups:read',
  // conversations.history: a notice whose answer was lost is looked for in the channel before a retry.
  'channels:history',
  'groups:history',
  // users.info: who may change settings (admins, owners) and a subscriber's time zone.
  'users:read',
  'links:read',
  'links:write',
] as const;
