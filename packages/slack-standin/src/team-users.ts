import type { TeamUserSpec } from './team-types.js';

const DEFAULT_TZ = 'UTC';

/** Fail at configuration, not at the first users.info, when a time zone is not one Intl knows. */
export function checkTimeZone(tz: string, userId: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch (error) {
    throw new Error(`Slack stand-in: user ${userId} has an unknown time zone '${tz}'`, { cause: error });
  }
}

/** The zone's offset from UTC in seconds at `at` (so it follows daylight saving, as Slack's does). */
export function tzOffsetSeconds(tz: string, at: number): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

function tzLabel(tz: string, at: number): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return part ?? tz;
}

/**
 * The user object of users.info (https://api.slack.com/methods/users.info): the fields the app reads
 * (is_admin, is_owner, tz, tz_offset, real_name, profile) and the flags around them.
 */
export function userWire(user: TeamUserSpec, teamId: string, at: number): Record<string, unknown> {
  const tz = user.tz ?? DEFAULT_TZ;
  const realName = user.realName ?? user.name;
  return {
    id: user.id,
    team_id: teamId,
    name: user.name,
    deleted: user.deleted ?? false,
    real_name: realName,
    tz,
    tz_label: tzLabel(tz, at),
    tz_offset: tzOffsetSeconds(tz, at),
    profile: {
      real_name: realName,
      real_name_normalized: realName,
      display_name: user.name,
      display_name_normalized: user.name,
      team: teamId,
    },
    is_admin: user.isAdmin ?? false,
    is_owner: user.isOwner ?? false,
    is_primary_owner: user.isPrimaryOwner ?? false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: user.isBot ?? false,
    is_app_user: false,
    updated: Math.floor(at / 1000),
  };
}

/** Someone the test never configured: an ordinary member, named after their id. */
export function unconfiguredUser(id: string): TeamUserSpec {
  return { id, name: `user-${id.toLowerCase()}` };
}
