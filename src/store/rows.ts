import { z } from 'zod';
import { HomeFilterSchema } from '../registry/query/feature-filter.js';
import { RegistrySchema } from '../registry/schema.js';
import { SubscriptionFilterSchema } from '../registry/subscription-filter.js';
import { parseJson } from '../shared/json.js';
import { StoreError } from './errors.js';
import { NoticePayloadSchema } from './payload.js';
import {
  type ChannelMute,
  type DigestState,
  type HomeRecord,
  OUTBOX_STATUSES,
  type OutboxRow,
  SCHEDULES,
  type SettingChange,
  type Snapshot,
  type StoredSetting,
  type Subscription,
  type WorkspaceRef,
} from './types.js';

// Stored rows have snake_case columns, the same in every dialect. Times are epoch ms; flags 0/1.

const epochMs = z.number().int();
const optionalText = z
  .string()
  .nullable()
  .transform((v) => v ?? undefined);
const optionalMs = epochMs.nullable().transform((v) => v ?? undefined);
const flag = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);
const jsonText = z.string().transform((text, ctx) => {
  const json = parseJson(text);
  if (json.ok) return json.value;
  ctx.addIssue('not valid JSON');
  return z.NEVER;
});
/** A JSON column that may hold something an older build wrote: undefined when it no longer fits. */
export const lenientJson = <S extends z.ZodType>(schema: S) =>
  z.string().transform((text): z.output<S> | undefined => {
    const json = parseJson(text);
    if (!json.ok) return undefined;
    const parsed = schema.safeParse(json.value);
    return parsed.success ? parsed.data : undefined;
  });

function workspaceOf(teamId: string, enterpriseId: string | undefined): WorkspaceRef {
  return enterpriseId ? { teamId, enterpriseId } : { teamId };
}

/** A workspace as a row names it (team_id, enterprise_id). */
export const PausedWorkspaceRow = z
  .object({ team_id: z.string().min(1), enterprise_id: optionalText })
  .transform((r) => workspaceOf(r.team_id, r.enterprise_id));

export const SubscriptionRowSchema = z
  .object({
    id: z.number().int(),
    team_id: z.string(),
    enterprise_id: optionalText,
    channel_id: z.string().min(1),
    filter_key: jsonText.pipe(SubscriptionFilterSchema),
    created_by: z.string(),
    created_at: epochMs,
    active: flag,
    source: z.enum(['command', 'config']),
    deactivated_reason: optionalText,
    schedule: z.enum(SCHEDULES).optional().default('immediately'),
  })
  .transform(
    (r): Subscription => ({
      id: r.id,
      workspace: workspaceOf(r.team_id, r.enterprise_id),
      channelId: r.channel_id,
      filter: r.filter_key,
      createdBy: r.created_by,
      createdAt: r.created_at,
      active: r.active,
      source: r.source,
      ...(r.deactivated_reason === undefined ? {} : { deactivatedReason: r.deactivated_reason }),
      schedule: r.schedule,
    }),
  );

export const SnapshotRowSchema = z
  .object({ hash: z.string().min(1), registry_json: lenientJson(RegistrySchema), announced_at: epochMs })
  .transform(
    (r): Snapshot => ({
      hash: r.hash,
      ...(r.registry_json ? { registry: r.registry_json } : {}),
      announcedAt: r.announced_at,
    }),
  );

export const OutboxRowSchema = z
  .object({
    id: z.number().int(),
    change_set_id: z.string().min(1),
    team_id: z.string(),
    enterprise_id: optionalText,
    channel_id: z.string().min(1),
    delivery_id: z.string().min(1),
    payload_json: lenientJson(NoticePayloadSchema),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int().nonnegative(),
    transient_failures: z.number().int().nonnegative(),
    last_error: optionalText,
    not_before: epochMs,
    lease_owner: optionalText,
    lease_until: optionalMs,
    uncertain: flag,
    first_attempt_at: optionalMs,
    slack_ts: optionalText,
    outcome: z
      .enum(['posted', 'reconciled'])
      .nullable()
      .transform((v) => v ?? undefined),
    summary: optionalText.optional().transform((v) => v ?? undefined),
    created_at: epochMs,
    updated_at: epochMs,
  })
  .transform(
    (r): OutboxRow => ({
      id: r.id,
      changeSetId: r.change_set_id,
      workspace: workspaceOf(r.team_id, r.enterprise_id),
      channelId: r.channel_id,
      deliveryId: r.delivery_id,
      ...(r.payload_json ? { payload: r.payload_json } : {}),
      status: r.status,
      attempts: r.attempts,
      transientFailures: r.transient_failures,
      ...(r.last_error === undefined ? {} : { lastError: r.last_error }),
      notBefore: r.not_before,
      ...(r.lease_owner === undefined ? {} : { leaseOwner: r.lease_owner }),
      ...(r.lease_until === undefined ? {} : { leaseUntil: r.lease_until }),
      uncertain: r.uncertain,
      ...(r.first_attempt_at === undefined ? {} : { firstAttemptAt: r.first_attempt_at }),
      ...(r.slack_ts === undefined ? {} : { slackTs: r.slack_ts }),
      ...(r.outcome === undefined ? {} : { outcome: r.outcome }),
      ...(r.summary === undefined ? {} : { summary: r.summary }),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }),
  );

export const HomeRowSchema = z
  .object({ prefs_json: lenientJson(HomeFilterSchema), opened_at: epochMs })
  .transform((r): HomeRecord => ({ prefs: r.prefs_json ?? {}, openedAt: r.opened_at }));

export const HomeUserRowSchema = z
  .object({ team_id: z.string(), enterprise_id: optionalText, user_id: z.string() })
  .transform((r) => ({ workspace: workspaceOf(r.team_id, r.enterprise_id), userId: r.user_id }));

export const SettingRowSchema = z
  .object({ name: z.string().min(1), value: z.string(), changed_by: z.string(), changed_at: epochMs })
  .transform(
    (r): StoredSetting => ({
      name: r.name,
      value: r.value,
      changedBy: r.changed_by,
      changedAt: r.changed_at,
    }),
  );

export const SettingChangeRowSchema = z
  .object({
    id: z.number().int(),
    scope: z.string(),
    name: z.string().min(1),
    old_value: optionalText,
    value: z.string(),
    changed_by: z.string(),
    changed_at: epochMs,
  })
  .transform(
    (r): SettingChange => ({
      id: r.id,
      name: r.name,
      ...(r.scope === '' ? {} : { channelId: r.scope }),
      ...(r.old_value === undefined ? {} : { oldValue: r.old_value }),
      value: r.value,
      changedBy: r.changed_by,
      changedAt: r.changed_at,
    }),
  );

export const MuteRowSchema = z
  .object({
    team_id: z.string().min(1),
    enterprise_id: optionalText,
    channel_id: z.string().min(1),
    muted_by: z.string(),
    muted_at: epochMs,
    until: epochMs,
    baseline_json: lenientJson(RegistrySchema),
  })
  .transform(
    (r): ChannelMute => ({
      workspace: workspaceOf(r.team_id, r.enterprise_id),
      channelId: r.channel_id,
      mutedBy: r.muted_by,
      mutedAt: r.muted_at,
      until: r.until,
      ...(r.baseline_json ? { baseline: r.baseline_json } : {}),
    }),
  );

export const DigestRowSchema = z
  .object({ tz: z.string().min(1), next_at: epochMs, baseline_json: lenientJson(RegistrySchema) })
  .loose()
  .transform((r, ctx): DigestState => {
    const subscription = SubscriptionRowSchema.safeParse(r);
    if (!subscription.success) {
      ctx.addIssue('not a subscription row');
      return z.NEVER;
    }
    return {
      subscription: subscription.data,
      tz: r.tz,
      nextAt: r.next_at,
      ...(r.baseline_json ? { baseline: r.baseline_json } : {}),
    };
  });

export const CountRowSchema = z.object({ n: z.number().int() });

/**
 * Parses one row read from `table` through its schema. A row that does not fit (hand-edited, or written
 * by a different build) throws StoreError CORRUPT_ROW naming the table and the row's key.
 */
export function parseRow<S extends z.ZodType>(
  schema: S,
  table: string,
  row: unknown,
  keyColumn = 'id',
): z.output<S> {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const key =
    typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[keyColumn] : undefined;
  throw new StoreError(
    'CORRUPT_ROW',
    `corrupt row in ${table} (${keyColumn} ${String(key)}): ${z.prettifyError(parsed.error)}`,
    { cause: parsed.error },
  );
}

/**
 * The canonical form of a filter, used as its identity (UNIQUE(team_id, channel_id, filter_key)). Keys are
 * sorted so `{featureId, kind}` and `{kind, featureId}` are the same subscription. Throws StoreError
 * INVALID_INPUT for a filter the schema rejects.
 */
export function canonicalFilterKey(filter: unknown): string {
  const parsed = SubscriptionFilterSchema.safeParse(filter);
  if (!parsed.success) {
    throw new StoreError('INVALID_INPUT', `invalid subscription filter: ${z.prettifyError(parsed.error)}`);
  }
  // Filters are flat objects of strings, so sorting the top-level keys is a complete canonicalisation.
  const entries = Object.entries(parsed.data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}
