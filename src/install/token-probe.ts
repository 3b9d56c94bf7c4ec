import { webApi } from '@slack/bolt';

/** auth.test's answers for a token that is gone for good (https://api.slack.com/methods/auth.test#errors). */
const DEAD = new Set(['invalid_auth', 'account_inactive', 'token_revoked', 'not_authed', 'team_disabled']);

/**
 * Whether a bot token still works, by auth.test. Only a definite "dead" answer counts: a network failure
 * says nothing, so the caller decides what to assume (it returns undefined).
 */
export async function tokenStillWorks(client: webApi.WebClient, token: string): Promise<boolean | undefined> {
  try {
    await client.auth.test({ token });
    return true;
  } catch (err) {
    if (
      typeof err === 'object' &&
      err !== null &&
      'code' in err &&
      err.code === webApi.ErrorCode.PlatformError
    ) {
      const data = (err as { data?: { error?: unknown } }).data;
      if (typeof data?.error === 'string' && DEAD.has(data.error)) return false;
    }
    return undefined;
  }
}
