import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  App,
  type Installation,
  type InstallationQuery,
  type InstallationStore,
  type Logger,
  LogLevel,
} from '@slack/bolt';
import type { SlackStandin } from '../../src/index.js';

export const CLIENT = { clientId: '111.222', clientSecret: 'client-secret' };

interface Barrier {
  count: number;
  waiting: (() => void)[];
}

/** Installations by team (or enterprise, for org-wide), in memory. */
export class TestInstallationStore implements InstallationStore {
  readonly rows = new Map<string, Installation>();
  stores = 0;
  private barrier: Barrier | undefined;

  /** The next `count` reads wait for one another: replicas reading one row at the same moment, no lock. */
  readTogether(count: number): void {
    this.barrier = { count, waiting: [] };
  }

  async storeInstallation(installation: Installation): Promise<void> {
    this.stores += 1;
    const key = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
    if (key) this.rows.set(key, installation);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const barrier = this.barrier;
    if (barrier) {
      await new Promise<void>((resolve) => {
        barrier.waiting.push(resolve);
        if (barrier.waiting.length < barrier.count) return;
        this.barrier = undefined;
        for (const go of barrier.waiting) go();
      });
    }
    const key = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
    const row = key ? this.rows.get(key) : undefined;
    if (!row) throw new Error(`no installation for ${key}`);
    return structuredClone(row);
  }
}

/** Bolt's logger, keeping errors for the test instead of printing the expected refusals. */
function collectingLogger(errors: string[]): Logger {
  let level = LogLevel.ERROR;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (...msg: unknown[]) => void errors.push(msg.map(String).join(' ')),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

export interface OAuthApp {
  app: App;
  /** What Bolt and InstallProvider logged as errors. */
  errors: string[];
  store: TestInstallationStore;
  appUrl: string;
  installUrl: string;
  seen: { type: string; teamId: string | undefined }[];
}

/**
 * A real Bolt 5 app with its built-in OAuth (InstallProvider) against the stand-in: the only settings an
 * app needs are authorizationUrl and slackApiUrl. It answers /osm-feature with say() and notes the
 * lifecycle events it hears.
 */
export async function startOAuthApp(standin: SlackStandin): Promise<OAuthApp> {
  const store = new TestInstallationStore();
  const seen: OAuthApp['seen'] = [];
  const errors: string[] = [];
  const app = new App({
    signingSecret: standin.signingSecret,
    ...CLIENT,
    stateSecret: 'state-secret-for-tests',
    scopes: ['chat:write', 'commands'],
    installationStore: store,
    installerOptions: {
      authorizationUrl: standin.authorizationUrl,
      clientOptions: { slackApiUrl: standin.apiUrl, retryConfig: { retries: 0 } },
    },
    clientOptions: { slackApiUrl: standin.apiUrl, retryConfig: { retries: 0 } },
    logger: collectingLogger(errors),
  });
  app.command('/osm-feature', async ({ ack, say, context }) => {
    await ack();
    await say(`hello ${context.teamId ?? context.enterpriseId ?? '?'}`);
  });
  for (const type of ['app_uninstalled', 'tokens_revoked', 'team_access_granted'] as const) {
    app.event(type, async ({ context }) => {
      seen.push({ type, teamId: context.teamId });
    });
  }
  const server = (await app.start(0)) as Server;
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standin.setAppUrl(appUrl);
  return { app, errors, store, appUrl, installUrl: `${appUrl}/slack/install`, seen };
}
