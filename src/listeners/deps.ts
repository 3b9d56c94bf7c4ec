import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Intent } from '../intents/intent.js';
import type { Registry } from '../registry/schema.js';
import type { SlackMessage } from '../render/blocks.js';
import type { Store } from '../store/store.js';

/** Where the current registry comes from; it may change while the app runs. */
export interface RegistryProvider {
  current(): Registry;
}

/** Who asked, where, for the intents that act on a channel. */
export interface AskContext {
  channelId: string;
  userId: string;
  client: WebClient;
  log: Logger;
}

/** Subscription commands (subscribe, unsubscribe, subscriptions), answered with the store. */
export interface SubscriptionCommands {
  handle(
    intent: Extract<Intent, { kind: 'subscribe' | 'unsubscribe' | 'subscriptions' }>,
    ctx: AskContext,
  ): Promise<SlackMessage>;
}

/** Everything listeners need, passed in (never imported as singletons). */
export interface ListenerDeps {
  registry: RegistryProvider;
  store: Store;
  log: Logger;
  subscriptions?: SubscriptionCommands;
  /** Called when a user opens the App Home tab (installed by the Home feature). */
  now?: () => number;
}
