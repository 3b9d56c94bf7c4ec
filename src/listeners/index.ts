import type { App } from '@slack/bolt';
import { COMMAND } from '../render/ids.js';
import { featureCommand } from './commands/feature-command.js';
import type { ListenerDeps } from './deps.js';
import { appMention } from './events/app-mention.js';
import { directMessage } from './events/direct-message.js';
import { dedupeEvents } from './middleware/dedupe-events.js';

/** What the app listens for; the manifest test checks manifest.yml against this, both ways. */
export const REGISTERED = {
  commands: [COMMAND],
  events: ['app_mention', 'message.im'],
} as const;

/** Registers every listener on the app. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.use(dedupeEvents(deps));
  app.command(COMMAND, featureCommand(deps));
  app.event('app_mention', appMention(deps));
  app.event('message', directMessage(deps));
}
