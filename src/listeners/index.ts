import type { App } from '@slack/bolt';
import { COMMAND, DOCS_DOMAIN } from '../render/slack/ids.js';
import { registerActions } from './actions/register-actions.js';
import { featureCommand } from './commands/feature-command.js';
import type { ListenerDeps } from './deps.js';
import { appUninstalled, tokensRevoked } from './events/app-departed.js';
import { appHomeOpened } from './events/app-home-opened.js';
import { appMention } from './events/app-mention.js';
import { directMessage } from './events/direct-message.js';
import { linkShared } from './events/link-shared.js';
import { teamAccess } from './events/team-access.js';
import { dedupeEvents } from './middleware/dedupe-events.js';
import { holdWork } from './middleware/hold-work.js';

/** What the app listens for; the manifest test checks manifest.yml against this, both ways. */
export const REGISTERED = {
  commands: [COMMAND],
  events: [
    'app_mention',
    'message.im',
    'app_home_opened',
    'link_shared',
    'app_uninstalled',
    'tokens_revoked',
  ],
  /** Sent only to org-ready apps (org_deploy_enabled), for org-wide installs. */
  orgEvents: ['team_access_granted', 'team_access_revoked'],
  /** Domains whose links the app unfurls (link_shared only fires for these). */
  unfurlDomains: [DOCS_DOMAIN],
  /** Buttons and selects are registered, so interactivity must be on. */
  interactive: true,
} as const;

/** Registers every listener on the app. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  // Every request's work, the part after the ack included, is counted for a graceful stop.
  app.use(({ next }) => deps.inFlight.run(next));
  app.use(dedupeEvents(deps));
  if (deps.holdWork) app.use(holdWork(deps.holdWork));
  app.command(COMMAND, featureCommand(deps));
  app.event('app_mention', appMention(deps));
  app.event('message', directMessage(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('link_shared', linkShared(deps));
  app.event('app_uninstalled', appUninstalled(deps));
  app.event('tokens_revoked', tokensRevoked(deps));
  app.event('team_access_granted', teamAccess(deps, true));
  app.event('team_access_revoked', teamAccess(deps, false));
  registerActions(app, deps);
}
