import type { SlackStandin } from '../../src/index.js';

/** The newest live bot token of a team; fails the test when it has none. */
export function botTokenOf(standin: SlackStandin, team: string): string {
  const token = standin.team(team)?.botToken;
  if (!token) throw new Error(`Slack stand-in: team ${team} has no live bot token`);
  return token;
}
