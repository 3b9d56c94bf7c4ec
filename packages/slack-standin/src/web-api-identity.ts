import { type ApiHandler, fail } from './api-context.js';

const BOT_NAME = 'osm-feature';

/**
 * auth.test answers for the token's own installation: its workspace, or its organisation for an org-wide
 * install (whose url Bolt's InstallProvider keeps as enterpriseUrl). Bolt reads only user_id and bot_id.
 */
export const authTest: ApiHandler = (_params, ctx) => {
  const grant = ctx.grant;
  if (!grant) return fail('not_authed');
  const { installation } = grant;
  const { directory } = ctx.scope.deps;
  const org =
    installation.enterpriseId === undefined ? undefined : directory.enterprise(installation.enterpriseId);
  const team = installation.teamId === undefined ? undefined : directory.team(installation.teamId);
  const where =
    installation.orgWide && org
      ? { url: `https://${org.domain}.enterprise.slack.com/`, team: org.name, team_id: org.id }
      : {
          url: `https://${team?.domain ?? 'standin'}.slack.com/`,
          team: team?.name ?? '',
          team_id: team?.id ?? '',
        };
  const person = team?.users.get(grant.userId)?.name ?? `user-${grant.userId.toLowerCase()}`;
  const body: Record<string, unknown> = {
    ok: true,
    ...where,
    user: grant.type === 'bot' ? BOT_NAME : person,
    user_id: grant.userId,
    is_enterprise_install: installation.orgWide,
  };
  if (grant.type === 'bot') Object.assign(body, { bot_id: installation.botId, app_id: ctx.ids.appId });
  if (org) body.enterprise_id = org.id;
  if (grant.expiresAt !== undefined) {
    body.expires_in = Math.max(0, Math.round((grant.expiresAt - ctx.scope.deps.now()) / 1000));
  }
  return { body };
};

/** users.info with the person's admin flags and time zone, from the workspace they belong to. */
export const usersInfo: ApiHandler = (params, ctx) => {
  const id = typeof params.user === 'string' ? params.user : undefined;
  const user = id ? ctx.scope.userInfo(id) : undefined;
  return user ? { body: { ok: true, user } } : fail('user_not_found');
};
