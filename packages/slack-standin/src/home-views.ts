import { createHash } from 'node:crypto';
import type { StandinIds } from './api-context.js';
import type { HomeViewChange } from './types.js';

/** Published Home tabs, one per user. Slack keeps a user's Home view id stable across publishes. */
export class HomeViews {
  private readonly views = new Map<string, Record<string, unknown>>();
  private counter = 0;

  constructor(private readonly onChange: (change: HomeViewChange) => void) {}

  /** `ids` name the workspace and bot that publish: user ids are global, so one map holds every team's. */
  publish(user: string, view: Record<string, unknown>, ids: StandinIds): Record<string, unknown> {
    const previousId = this.views.get(user)?.id;
    this.counter += 1;
    const id =
      typeof previousId === 'string' ? previousId : `V0STANDIN${String(this.counter).padStart(4, '0')}`;
    const wire: Record<string, unknown> = {
      id,
      team_id: ids.teamId,
      type: 'home',
      blocks: view.blocks ?? [],
      private_metadata: view.private_metadata ?? '',
      callback_id: view.callback_id ?? '',
      external_id: view.external_id ?? '',
      state: { values: {} },
      hash: createHash('sha1').update(JSON.stringify(view)).digest('hex').slice(0, 16),
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: null,
      previous_view_id: null,
      root_view_id: id,
      app_id: ids.appId,
      app_installed_team_id: ids.teamId,
      bot_id: ids.botId,
    };
    this.views.set(user, wire);
    this.onChange({ user, view: wire });
    return wire;
  }

  get(user: string): Record<string, unknown> | undefined {
    return this.views.get(user);
  }
}
