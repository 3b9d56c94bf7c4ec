import type { SlackStandin } from '../../src/index.js';

/** Approve an install as `team` the way the browser's visit to /oauth/v2/authorize would; the code. */
export async function authorizeCode(
  standin: SlackStandin,
  query: Record<string, string>,
): Promise<{ status: number; location: URL | undefined }> {
  const url = new URL('/oauth/v2/authorize', standin.baseUrl);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await fetch(url, { redirect: 'manual' });
  await res.text();
  const location = res.headers.get('location');
  return { status: res.status, location: location === null ? undefined : new URL(location) };
}

/** The newest live bot token of a team; fails the test when it has none. */
export function botTokenOf(standin: SlackStandin, team: string): string {
  const token = standin.team(team)?.botToken;
  if (!token) throw new Error(`Slack stand-in: team ${team} has no live bot token`);
  return token;
}
