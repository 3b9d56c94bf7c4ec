import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  PlainTextInputAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import type { HomePrefs } from '../../home/prefs.js';
import { INVISIBLE_CHARS } from '../../intents/text.js';
import { type Registry, StateNameSchema } from '../../registry/schema.js';
import { ACTION_IDS } from '../../render/slack/ids.js';
import type { ListenerDeps } from '../deps.js';
import { workspaceOf } from '../workspace.js';

type HomeAction = StaticSelectAction | PlainTextInputAction | ButtonAction;
export type HomeInteraction = SlackActionMiddlewareArgs<BlockAction<HomeAction>> & AllMiddlewareArgs;

/** The saved filter with this action applied. A value that is not (or no longer) valid clears that part. */
export function nextHomePrefs(current: HomePrefs, action: HomeAction, registry: Registry): HomePrefs {
  if (action.type === 'button') return {};
  const next: HomePrefs = { ...current };
  if (action.type === 'plain_text_input') {
    next.query = (action.value ?? '').replace(INVISIBLE_CHARS, '').trim().slice(0, 100) || undefined;
  } else if (action.action_id === ACTION_IDS.homeFilterState) {
    const state = StateNameSchema.safeParse(action.selected_option.value);
    next.state = state.success ? state.data : undefined;
  } else {
    const id = action.selected_option.value;
    next.category = registry.categories.some((c) => c.id === id) ? id : undefined;
  }
  return next;
}

/**
 * Home's state and category selects, its search box (Enter) and "Clear filters": the new filter is saved for
 * the user and their Home tab is published again. A Home view has no response_url; views.publish is the way.
 */
export function homeFilter(deps: ListenerDeps) {
  return async ({ ack, body, action, client, context }: HomeInteraction): Promise<void> => {
    await ack();
    const userId = body.user.id;
    const registry = deps.registry.current();
    const ws = workspaceOf(context);
    const current = await deps.home.savedPrefs(ws, userId);
    await deps.home.publish(client, ws, userId, { prefs: nextHomePrefs(current, action, registry) });
  };
}
