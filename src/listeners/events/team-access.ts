import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

type Args<E extends 'team_access_granted' | 'team_access_revoked'> = SlackEventMiddlewareArgs<E> &
  AllMiddlewareArgs;

/**
 * An org admin changed which workspaces an org-wide install serves
 * (https://api.slack.com/events/team_access_granted, team_access_revoked): pause or resume theirs.
 */
export function teamAccess(deps: ListenerDeps, granted: boolean) {
  return async ({
    event,
    context,
  }: Args<'team_access_granted'> | Args<'team_access_revoked'>): Promise<void> => {
    await deps.installs?.teamAccess(context.enterpriseId, event.team_ids, granted);
  };
}
