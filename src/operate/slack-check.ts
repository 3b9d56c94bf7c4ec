import { type Logger as BoltLogger, webApi } from '@slack/bolt';

/** How long readiness waits for Slack's answer. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * Whether Slack answers: auth.test with the bot token (HTTP mode: the token still works), or api.test when
 * there is no single token (many workspaces). Its own client, without retries: a readiness check must
 * answer within a probe's timeout, not after web-api's backoff.
 */
export function slackAnswers(opts: {
  slackApiUrl?: string;
  botToken?: string;
  logger: BoltLogger;
}): () => Promise<boolean> {
  const client = new webApi.WebClient(opts.botToken, {
    ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: CHECK_TIMEOUT_MS,
    logger: opts.logger,
  });
  return async () => {
    const answer = opts.botToken ? await client.auth.test() : await client.api.test();
    return answer.ok === true;
  };
}
