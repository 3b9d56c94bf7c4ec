import type { Migration } from '../../sql/migration.js';
import { INITIAL_SCHEMA } from './001-initial.js';
import { WORKSPACES } from './002-workspaces.js';
import { PENDING_WORK } from './003-pending-work.js';
import { OAUTH_STATES } from './004-oauth-states.js';
import { OUTBOX_ORDER } from './005-outbox-order.js';
import { SETTINGS_AND_DELIVERY_LOG } from './006-settings-and-delivery-log.js';
import { CHANNEL_MUTES } from './007-channel-mutes.js';
import { DIGESTS } from './008-digests.js';
import { SEND_BUDGET } from './009-send-budget.js';

export type { Migration } from '../../sql/migration.js';

/** Every migration, in version order. Append new ones; never edit or reorder released ones. */
export const MIGRATIONS: readonly Migration[] = [
  INITIAL_SCHEMA,
  WORKSPACES,
  PENDING_WORK,
  OAUTH_STATES,
  OUTBOX_ORDER,
  SETTINGS_AND_DELIVERY_LOG,
  CHANNEL_MUTES,
  DIGESTS,
  SEND_BUDGET,
];
