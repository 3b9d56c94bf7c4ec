import { z } from 'zod';
import { type ApiHandler, type ApiOutcome, fail } from './api-context.js';
import type { InstallationRecord, IssuedToken } from './installations.js';
import { DEFAULT_EXPIRES_IN_SECONDS, type OAuthServer } from './oauth-server.js';

const AccessParams = z
  .object({
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
    code: z.string().optional(),
    redirect_uri: z.string().optional(),
    grant_type: z.string().optional(),
    refresh_token: z.string().optional(),
  })
  .loose();

type Access = z.infer<typeof AccessParams>;

/** The team and enterprise objects of Slack's reply; an org-wide install has no team. */
function owners(server: OAuthServer, installation: InstallationRecord): Record<string, unknown> {
  const { directory } = server.deps;
  const team = installation.teamId === undefined ? undefined : directory.team(installation.teamId);
  const org =
    installation.enterpriseId === undefined ? undefined : directory.enterprise(installation.enterpriseId);
  return {
    team: installation.orgWide || !team ? null : { id: team.id, name: team.name },
    enterprise: org ? { id: org.id, name: org.name } : null,
    is_enterprise_install: installation.orgWide,
  };
}

/** access_token, and with rotation its expires_in and refresh_token, as the reply carries them. */
function tokenFields(issued: IssuedToken, now: number): Record<string, unknown> {
  const fields: Record<string, unknown> = { access_token: issued.grant.token };
  if (issued.refreshToken !== undefined && issued.grant.expiresAt !== undefined) {
    fields.expires_in = Math.round((issued.grant.expiresAt - now) / 1000);
    fields.refresh_token = issued.refreshToken;
  }
  return fields;
}

function exchangeCode(p: Access, server: OAuthServer): ApiOutcome {
  if (!p.code) return fail('invalid_code');
  const grant = server.takeCode(p.code, p.redirect_uri);
  if ('error' in grant) return fail(grant.error);
  const issued = server.install(grant);
  const now = server.deps.now();
  const authedUser: Record<string, unknown> = { id: grant.approval.userId };
  if (issued.user) {
    Object.assign(
      authedUser,
      { scope: grant.userScopes.join(','), token_type: 'user' },
      tokenFields(issued.user, now),
    );
  }
  return {
    body: {
      ok: true,
      app_id: server.deps.appId,
      authed_user: authedUser,
      scope: grant.scopes.join(','),
      token_type: 'bot',
      ...tokenFields(issued.bot, now),
      bot_user_id: issued.installation.botUserId,
      ...owners(server, issued.installation),
    },
  };
}

function refresh(p: Access, server: OAuthServer): ApiOutcome {
  const expiresIn = server.options?.expiresInSeconds ?? DEFAULT_EXPIRES_IN_SECONDS;
  const issued = server.deps.installations.refresh(p.refresh_token ?? '', expiresIn);
  if ('error' in issued) return fail(issued.error);
  const { installation, type } = issued.grant;
  const body: Record<string, unknown> = {
    ok: true,
    app_id: server.deps.appId,
    token_type: type,
    scope: (type === 'bot' ? installation.scopes : installation.userScopes).join(','),
    ...tokenFields(issued, server.deps.now()),
    ...owners(server, installation),
  };
  if (type === 'bot') body.bot_user_id = installation.botUserId;
  else body.user_id = issued.grant.userId;
  return { body };
}

/**
 * oauth.v2.access (https://api.slack.com/methods/oauth.v2.access): client credentials by HTTP Basic auth
 * or as parameters, then a code exchange (the default grant) or, with rotation, grant_type=refresh_token.
 */
export const oauthV2Access: ApiHandler = (params, ctx) => {
  const parsed = AccessParams.safeParse(params);
  if (!parsed.success) return fail('invalid_arguments');
  const p = parsed.data;
  const options = ctx.oauth.options;
  const clientId = ctx.basicAuth?.clientId ?? p.client_id;
  const clientSecret = ctx.basicAuth?.clientSecret ?? p.client_secret;
  if (!options || clientId !== options.clientId) return fail('invalid_client_id');
  if (clientSecret !== options.clientSecret) return fail('bad_client_secret');
  switch (p.grant_type ?? 'authorization_code') {
    case 'authorization_code':
      return exchangeCode(p, ctx.oauth);
    case 'refresh_token':
      return refresh(p, ctx.oauth);
    default:
      return fail('invalid_grant_type');
  }
};
