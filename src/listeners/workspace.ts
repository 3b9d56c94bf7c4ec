import type { Context } from '@slack/bolt';
import type { WorkspaceRef } from '../store/store.js';

/**
 * The workspace a request acts on, as Bolt's authorization found it: the installation's team (and Enterprise
 * Grid organisation), never a team id the payload merely claims.
 */
export function workspaceOf(context: Context): WorkspaceRef {
  const teamId = context.teamId ?? context.enterpriseId ?? '';
  return context.enterpriseId ? { teamId, enterpriseId: context.enterpriseId } : { teamId };
}
