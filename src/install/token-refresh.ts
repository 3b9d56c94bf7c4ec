import { webApi } from '@slack/bolt';

/** A rotated bot token, as oauth.v2.access answers a refresh. */
export interface RefreshedToken {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

export type TokenRefresher = (refreshToken: string) => Promise<RefreshedToken>;

/**
 * Exchanges a refresh token for a new access token and a new refresh token
 * (https://api.slack.com/authentication/rotation). Slack accepts each refresh token once; callers hold
 * the installation's lease while this runs.
 */
export function slackTokenRefresher(opts: {
  clientId: string;
  clientSecret: string;
  slackApiUrl?: string;
  timeoutMs?: number;
}): TokenRefresher {
  const client = new webApi.WebClient(undefined, {
    ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: opts.timeoutMs ?? 10_000,
  });
  return async (refreshToken) => {
    const answer = await client.oauth.v2.access({
      client_id: opts.clientId,
      client_secret: opts.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    const { access_token, refresh_token, expires_in } = answer;
    if (!access_token || !refresh_token || expires_in === undefined)
      throw new Error('oauth.v2.access answered a refresh without a token, refresh token or lifetime');
    return { accessToken: access_token, refreshToken: refresh_token, expiresInSeconds: expires_in };
  };
}
