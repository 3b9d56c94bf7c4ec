import type { KnownBlock } from '@slack/types';
import type { AdminOverview } from '../../answer/settings-result.js';
import { context, divider, section } from './blocks.js';
import { COMMAND } from './ids.js';
import { escapeMrkdwn } from './mrkdwn.js';

const MAX_PAUSED_SHOWN = 10;

/** A channel id as a link to it; anything else (never expected) as escaped text. */
function channel(id: string): string {
  return /^[CGD][A-Z0-9]+$/.test(id) ? `<#${id}>` : escapeMrkdwn(id);
}

/** What a pause's reason means and how to undo it. */
function howToFix(reason: string): string {
  switch (reason) {
    case 'channel_not_found':
    case 'not_in_channel':
      return 'I can’t post there (a private channel I’m not in, or it was deleted): invite me, then subscribe it again';
    case 'is_archived':
      return 'the channel was archived: unarchive it and subscribe it again, or subscribe another channel';
    case 'app uninstalled':
      return 'the app was uninstalled: it resumes by itself when the app is installed again';
    default:
      return `paused (\`${escapeMrkdwn(reason)}\`): subscribe it again to resume`;
  }
}

/** The Home tab's section for workspace admins: this week's notices, and the channels that were paused. Pure. */
export function adminBlocks(admin: AdminOverview): KnownBlock[] {
  const waiting = admin.pending > 0 ? `, ${admin.pending} waiting to be sent` : '';
  const counts = `*For admins: notices in the last 7 days*\n:white_check_mark: ${admin.sent} sent    :x: ${admin.failed} failed${waiting}`;
  const shown = admin.paused.slice(0, MAX_PAUSED_SHOWN);
  const more = admin.paused.length - shown.length;
  const paused =
    admin.paused.length === 0
      ? 'No channel’s subscriptions are paused.'
      : `*Paused channels*\n${shown.map((p) => `• ${channel(p.channelId)}: ${howToFix(p.reason)}`).join('\n')}${more > 0 ? `\n…and ${more} more` : ''}`;
  return [
    divider(),
    section(counts),
    section(paused),
    context(`See how each notice to a channel went with \`${COMMAND} deliveries\` there.`),
  ];
}
