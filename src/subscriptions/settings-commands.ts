import type { WebClient } from '@slack/web-api';
import type { Answer } from '../answer/answer.js';
import type { DeliveryEntry, DeliveryStatus, SettingsResult } from '../answer/settings-result.js';
import type { NoticeFormat, SettingsIntent } from '../intents/settings-intent.js';
import type { OutboxRow } from '../store/store.js';
import { type MuteDeps, runMuteCommand } from './mute-commands.js';
import { lookUpPerson } from './people.js';
import { checkSubscribePermission } from './subscribe-permission.js';
import type { ChannelContext } from './subscription-service.js';
import {
  FORMAT_SETTING,
  formatOf,
  policyOf,
  SUBSCRIBE_POLICY,
  subscribePolicy,
} from './workspace-settings.js';

/** How many notices the delivery log shows, and how many changes of a setting the settings answer. */
export const DELIVERY_LOG_SIZE = 10;
const HISTORY_SIZE = 5;

const result = (r: SettingsResult): Answer => ({ kind: 'settings-result', result: r });

function statusOf(row: OutboxRow): DeliveryStatus {
  if (row.status === 'sent') return row.outcome === 'reconciled' ? 'reconciled' : 'sent';
  if (row.status === 'failed') return 'failed';
  return row.attempts > 0 || row.transientFailures > 0 ? 'retrying' : 'pending';
}

/** chat.getPermalink (https://api.slack.com/methods/chat.getPermalink); none when Slack will not say. */
async function permalinkOf(client: WebClient, channel: string, ts: string): Promise<string | undefined> {
  try {
    const answer = await client.chat.getPermalink({ channel, message_ts: ts });
    return typeof answer.permalink === 'string' ? answer.permalink : undefined;
  } catch {
    // The log is still worth showing without its links (a deleted message, a missing scope).
    return undefined;
  }
}

async function entryOf(row: OutboxRow, client: WebClient): Promise<DeliveryEntry> {
  const permalink = row.slackTs ? await permalinkOf(client, row.channelId, row.slackTs) : undefined;
  return {
    queuedAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...(row.summary === undefined ? {} : { summary: row.summary }),
    status: statusOf(row),
    retried: row.attempts > 1 || row.transientFailures > 0,
    attempts: row.attempts,
    ...(row.lastError === undefined || row.status === 'sent' ? {} : { error: row.lastError }),
    ...(permalink === undefined ? {} : { permalink }),
  };
}

/** `settings format compact|full`: the channel's own, changed by whoever may subscribe it. */
async function setFormat(format: NoticeFormat, ctx: ChannelContext, deps: MuteDeps): Promise<Answer> {
  const policy = await subscribePolicy(deps.store.settings, ctx.workspace);
  const allowed = await checkSubscribePermission(policy, 'format', ctx);
  if (!allowed.ok) return { kind: 'subscription-result', result: allowed.result };
  const done = await deps.store.settings.set(ctx.workspace, {
    channelId: ctx.channelId,
    name: FORMAT_SETTING,
    value: format,
    changedBy: ctx.userId,
  });
  ctx.log.info({ format, changed: done.changed }, 'channel notice format changed');
  return result({ kind: 'format-changed', format, changed: done.changed });
}

/** `settings`, `settings <name> <value>`, `deliveries` and `mute`, for one channel of one workspace. */
export async function runSettingsCommand(
  intent: SettingsIntent,
  ctx: ChannelContext,
  deps: MuteDeps,
): Promise<Answer> {
  const { store } = deps;
  switch (intent.kind) {
    case 'mute':
    case 'unmute':
    case 'bad-mute':
      return runMuteCommand(intent, ctx, deps);
    case 'bad-schedule':
      return { kind: 'subscription-result', result: { kind: 'bad-schedule', word: intent.word } };
    case 'settings': {
      const [settings, channel, history, asker] = await Promise.all([
        store.settings.list(ctx.workspace),
        store.settings.list(ctx.workspace, { channelId: ctx.channelId }),
        store.settings.changes(ctx.workspace, { name: SUBSCRIBE_POLICY, limit: HISTORY_SIZE }),
        lookUpPerson(ctx.client, ctx.userId),
      ]);
      return result({
        kind: 'settings',
        subscribePolicy: policyOf(settings),
        format: formatOf(channel),
        history: history.map((h) => ({
          value: h.value,
          ...(h.oldValue === undefined ? {} : { oldValue: h.oldValue }),
          changedBy: h.changedBy,
          changedAt: h.changedAt,
        })),
        askerIsAdmin: asker.ok && asker.value.isAdmin,
      });
    }
    case 'set-setting': {
      if (intent.setting.name === 'format') return setFormat(intent.setting.value, ctx, deps);
      const { name, value } = intent.setting;
      const asker = await lookUpPerson(ctx.client, ctx.userId);
      if (!asker.ok) return result({ kind: 'check-failed', error: asker.error });
      if (!asker.value.isAdmin) {
        ctx.log.info({ setting: name }, 'a settings change by a non-admin was refused');
        return result({ kind: 'setting-refused', name, value });
      }
      const done = await store.settings.set(ctx.workspace, { name, value, changedBy: ctx.userId });
      ctx.log.info({ setting: name, value, changed: done.changed }, 'workspace setting changed');
      return result({
        kind: 'setting-changed',
        name,
        value,
        changed: done.changed,
        ...(done.previous === undefined ? {} : { previous: done.previous }),
      });
    }
    case 'bad-setting':
      return result({
        kind: 'bad-setting',
        name: intent.name,
        ...(intent.value === undefined ? {} : { value: intent.value }),
      });
    case 'deliveries': {
      if (ctx.channelId.startsWith('D')) return result({ kind: 'deliveries-need-channel' });
      const rows = await store.outbox.recent(ctx.workspace, ctx.channelId, DELIVERY_LOG_SIZE);
      return result({
        kind: 'deliveries',
        entries: await Promise.all(rows.map((row) => entryOf(row, ctx.client))),
      });
    }
  }
}
