import type { CustomRoute } from '@slack/bolt';
import { type Logger as BoltLogger, webApi } from '@slack/bolt';
import { InstallProvider } from '@slack/oauth';
import type { Logger } from 'pino';
import { isNotInstalled } from '../shared/not-installed.js';
import type { Store } from '../store/store.js';
import { type Authorizer, createAuthorizer } from './authorizer.js';
import { BOT_SCOPES } from './bot-scopes.js';
import { createInstallLifecycle, type InstallLifecycle } from './install-lifecycle.js';
import { createInstallRoutes } from './install-routes.js';
import { InstallationSchema } from './installation-schema.js';
import { createInstallationVault } from './installation-vault.js';
import type { OAuthSettings } from './oauth-settings.js';
import { installPage } from './pages.js';
import { providerInstallationStore } from './provider-store.js';
import { createStateStore, STATE_TTL_MS } from './state-store.js';
import { createTokenCipher } from './token-cipher.js';
import { tokenStillWorks } from './token-probe.js';
import { slackTokenRefresher } from './token-refresh.js';

/** What multi-workspace mode adds to the bot: per-installation tokens, install routes, uninstall handling. */
export interface MultiWorkspace {
  authorizer: Authorizer;
  lifecycle: InstallLifecycle;
  routes: CustomRoute[];
}

export interface MultiWorkspaceDeps {
  mode: OAuthSettings;
  store: Store;
  log: Logger;
  boltLogger: BoltLogger;
  worker: string;
  slackApiUrl?: string;
  now?: () => number;
}

/** Builds the install machinery over the store; no I/O until a request or a notice needs a token. */
export function createMultiWorkspace(deps: MultiWorkspaceDeps): MultiWorkspace {
  const { mode, store } = deps;
  const now = deps.now ?? Date.now;
  const log = deps.log.child({ component: 'install' });
  const clientOptions = {
    ...(deps.slackApiUrl ? { slackApiUrl: deps.slackApiUrl } : {}),
    retryConfig: { retries: 0 },
  };
  const vault = createInstallationVault({
    table: store.installations,
    cipher: createTokenCipher(mode.encryptionKey, mode.previousEncryptionKey),
    log,
  });
  const authorizer = createAuthorizer({
    vault,
    leases: store.leases,
    refresh: slackTokenRefresher({
      clientId: mode.clientId,
      clientSecret: mode.clientSecret,
      ...clientOptions,
    }),
    worker: deps.worker,
    log,
    now,
  });
  const probe = new webApi.WebClient(undefined, {
    ...clientOptions,
    timeout: 10_000,
    logger: deps.boltLogger,
  });
  const lifecycle = createInstallLifecycle({
    store,
    log,
    vault,
    authorizer,
    async stillInstalled(scope) {
      const token = await authorizer.tokenFor(scope).catch((err: unknown) => {
        if (isNotInstalled(err)) return undefined;
        throw err;
      });
      return token !== undefined && (await tokenStillWorks(probe, token)) === true;
    },
  });
  const provider = new InstallProvider({
    clientId: mode.clientId,
    clientSecret: mode.clientSecret,
    authorizationUrl: mode.authorizationUrl,
    stateStore: createStateStore({ states: store.oauthStates, secret: mode.stateSecret, now }),
    stateCookieExpirationSeconds: STATE_TTL_MS / 1000,
    installationStore: providerInstallationStore(vault),
    renderHtmlForInstallPath: installPage,
    directInstall: false,
    clientOptions,
    logger: deps.boltLogger,
  });
  const routes = createInstallRoutes({
    provider,
    installOptions: {
      scopes: [...BOT_SCOPES],
      ...(mode.redirectUri ? { redirectUri: mode.redirectUri } : {}),
    },
    onInstalled: (installation) => lifecycle.installed(InstallationSchema.parse(installation)),
    log,
  });
  return { authorizer, lifecycle, routes };
}
