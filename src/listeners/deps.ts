import type { Logger } from 'pino';
import type { HomeService } from '../home/home-service.js';
import type { RegistryProvider } from '../registry/provider.js';
import type { EventStore } from '../store/store.js';
import type { SubscriptionService } from '../subscriptions/subscription-service.js';

/** Everything listeners need, passed in (never imported as singletons). Listeners reach the store only here. */
export interface ListenerDeps {
  registry: RegistryProvider;
  log: Logger;
  subscriptions: SubscriptionService;
  home: HomeService;
  /** Slack event ids already answered, so a redelivery is not answered twice. */ events: Pick<
    EventStore,
    'firstSeen'
  >;
}
