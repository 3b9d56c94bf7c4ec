import type { Logger } from 'pino';
import type { HomeService } from '../home/home-service.js';
import type { InstallLifecycle } from '../install/install-lifecycle.js';
import type { RegistryProvider } from '../registry/provider.js';
import type { InFlight } from '../shared/in-flight.js';
import type { EventStore } from '../store/store.js';
import type { SubscriptionService } from '../subscriptions/subscription-service.js';
import type { HoldWorkDeps } from './middleware/hold-work.js';

/** Everything listeners need, passed in (never imported as singletons). Listeners reach the store only here. */
export interface ListenerDeps {
  registry: RegistryProvider;
  log: Logger;
  subscriptions: SubscriptionService;
  home: HomeService;
  /** Slack event ids already answered, so a redelivery is not answered twice. */
  events: Pick<EventStore, 'firstSeen'>;
  /** Counts every request's work, so a graceful stop can wait for it. */
  inFlight: InFlight /** Installs and uninstalls: pauses a departed workspace (left out by tests that build the app alone). */;
  installs?: InstallLifecycle;
  /** Holds acknowledged work under a lease (left out by tests that build the app alone). */
  holdWork?: HoldWorkDeps;
}
