import { z } from 'zod';
import { MuteRowSchema, PausedWorkspaceRow, parseRow } from '../rows.js';
import type { Db } from '../sql/db.js';
import type { MuteStore } from '../store.js';
import type { ChannelMute } from '../types.js';
import { queueNotice } from './queue-notice.js';

const toMute = (row: unknown): ChannelMute => parseRow(MuteRowSchema, 'channel_mutes', row, 'channel_id');
const MutedChannelRow = z.object({ channel_id: z.string().min(1) });
const KEY = 'team_id = @teamId AND channel_id = @channelId';

/** Channel mutes over either dialect. `clock` is the store's. */
export function sqlMutes(db: Db, clock: () => number): MuteStore {
  return {
    mute: (ws, channelId, input, now = clock()) =>
      db.transaction(async (tx) => {
        const key = { teamId: ws.teamId, channelId };
        // A mute that is on, or ended without its catch-up yet, keeps its start and baseline: one catch-up
        // then covers the whole quiet time. Moving `until` also stops a replica finishing the old one.
        const changed = await tx.run(`UPDATE channel_mutes SET until = @until, muted_by = @by WHERE ${KEY}`, {
          ...key,
          until: input.until,
          by: input.mutedBy,
        });
        if (changed === 1) return { extended: true };
        await tx.run(
          `INSERT INTO channel_mutes (team_id, enterprise_id, channel_id, muted_by, muted_at, until, baseline_json)
           VALUES (@teamId, @enterpriseId, @channelId, @by, @now, @until, @baseline)`,
          {
            ...key,
            enterpriseId: ws.enterpriseId ?? null,
            by: input.mutedBy,
            now,
            until: input.until,
            baseline: JSON.stringify(input.baseline),
          },
        );
        return { extended: false };
      }),
    unmute: async (ws, channelId, now = clock()) =>
      (await db.run(`UPDATE channel_mutes SET until = @now WHERE ${KEY} AND until > @now`, {
        teamId: ws.teamId,
        channelId,
        now,
      })) === 1,
    get: async (ws, channelId) => {
      const row = await db.get(`SELECT * FROM channel_mutes WHERE ${KEY}`, { teamId: ws.teamId, channelId });
      return row === undefined ? undefined : toMute(row);
    },
    active: async (now = clock()) =>
      (
        await db.all(
          'SELECT team_id, enterprise_id, channel_id FROM channel_mutes WHERE until > @now ORDER BY team_id, channel_id',
          { now },
        )
      ).map((row) => ({
        workspace: parseRow(PausedWorkspaceRow, 'channel_mutes', row, 'channel_id'),
        channelId: parseRow(MutedChannelRow, 'channel_mutes', row, 'channel_id').channel_id,
      })),
    ended: async (limit, now = clock()) =>
      (
        await db.all(
          'SELECT * FROM channel_mutes WHERE until <= @now ORDER BY until, team_id, channel_id LIMIT @limit',
          {
            now,
            limit: Math.max(0, Math.floor(limit)),
          },
        )
      ).map(toMute),
    finish: (mute, notice, now = clock()) =>
      db.transaction(async (tx) => {
        const key = { teamId: mute.workspace.teamId, channelId: mute.channelId };
        const closed = await tx.run(
          `DELETE FROM channel_mutes WHERE ${KEY} AND muted_at = @mutedAt AND until <= @now`,
          { ...key, mutedAt: mute.mutedAt, now },
        );
        if (closed !== 1) return false;
        // A change-set committed while the mute was being set may have queued a notice for the channel
        // after its baseline was taken: the catch-up covers those changes, so that notice is not sent too.
        await tx.run(
          `DELETE FROM outbox WHERE ${KEY} AND status = 'pending' AND attempts = 0 AND created_at >= @mutedAt`,
          { ...key, mutedAt: mute.mutedAt },
        );
        if (notice) await queueNotice(tx, mute.workspace, mute.channelId, notice, now);
        return true;
      }, 'commit'),
  };
}
