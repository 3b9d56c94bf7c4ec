import { z } from 'zod';

/** apps.connections.open's answer: a one-time WebSocket URL, or Slack's error code. */
const OpenAnswer = z.union([
  z.object({ ok: z.literal(true), url: z.string().url() }).loose(),
  z.object({ ok: z.literal(false), error: z.string() }).loose(),
]);

/**
 * Errors that retrying will not fix: the app-level token is wrong or gone. Slack's docs list them for
 * apps.connections.open (https://docs.slack.dev/reference/methods/apps.connections.open).
 */
const PERMANENT = new Set([
  'invalid_auth',
  'not_authed',
  'not_allowed_token_type',
  'token_revoked',
  'account_inactive',
  'missing_scope',
  'invalid_arguments',
]);

export type OpenResult = { ok: true; url: string } | { ok: false; permanent: boolean; reason: string };

const OPEN_TIMEOUT_MS = 10_000;

/**
 * Calls apps.connections.open once with the app-level token. Never throws: an HTTP error, a timeout or a
 * refused connection is a transient failure (retry), a token Slack refuses is a permanent one. The reason
 * names no token.
 */
export async function openConnectionUrl(apiUrl: string, appToken: string): Promise<OpenResult> {
  let res: Response;
  try {
    res = await fetch(new URL('apps.connections.open', apiUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${appToken}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      signal: AbortSignal.timeout(OPEN_TIMEOUT_MS),
    });
  } catch (err) {
    return { ok: false, permanent: false, reason: `request failed: ${describe(err)}` };
  }
  if (res.status !== 200) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, permanent: false, reason: `HTTP ${res.status}` };
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    return { ok: false, permanent: false, reason: 'the answer was not JSON' };
  }
  const answer = OpenAnswer.safeParse(json);
  if (!answer.success) return { ok: false, permanent: false, reason: 'the answer had no URL' };
  if (answer.data.ok) return { ok: true, url: answer.data.url };
  return { ok: false, permanent: PERMANENT.has(answer.data.error), reason: answer.data.error };
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    return cause instanceof Error ? `${err.message} (${cause.message})` : err.message;
  }
  return String(err);
}
