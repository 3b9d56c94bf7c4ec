import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

type Args<E extends 'app_uninstalled' | 'tokens_revoked'> = SlackEventMiddlewareArgs<E> & AllMiddlewareArgs;

/** The installation an event is about: Bolt reads it from the envelope (authorizations), not from a claim. */
function scopeOf(context: AllMiddlewareArgs['context']) {
  return {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall === true,
  };
}

/**
 * app_uninstalled (https://api.slack.com/events/app_uninstalled): the app left the workspace; its tokens no
 * longer work. Bolt runs it without authorize, since there is no token any more.
 */
export function appUninstalled(deps: ListenerDeps) {
  return async ({ context }: Args<'app_uninstalled'>): Promise<void> => {
    await deps.installs?.departed({ scope: scopeOf(context), what: 'app_uninstalled' });
  };
}

/**
 * tokens_revoked (https://api.slack.com/events/tokens_revoked): only the revocation of a bot token matters;
 * the app keeps no user tokens.
 */
export function tokensRevoked(deps: ListenerDeps) {
  return async ({ event, context }: Args<'tokens_revoked'>): Promise<void> => {
    const bots = event.tokens.bot ?? [];
    if (bots.length === 0) return;
    await deps.installs?.departed({ scope: scopeOf(context), what: 'tokens_revoked' });
  };
}
