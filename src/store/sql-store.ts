import { sqlAnnouncements } from './concerns/announcements.js';
import { sqlDigests } from './concerns/digests.js';
import { sqlEvents } from './concerns/events.js';
import { sqlHomes } from './concerns/homes.js';
import { sqlInstallations } from './concerns/installations.js';
import { sqlLeases } from './concerns/leases.js';
import { adoptLegacyRows } from './concerns/legacy.js';
import { sqlMutes } from './concerns/mutes.js';
import { sqlOAuthStates } from './concerns/oauth-states.js';
import { sqlOutbox } from './concerns/outbox.js';
import { sqlSendBudget } from './concerns/send-budget.js';
import { sqlSettings } from './concerns/settings.js';
import { sqlSubscriptions } from './concerns/subscriptions.js';
import { sqlWork } from './concerns/work.js';
import type { Db } from './sql/db.js';
import type { Store } from './store.js';

/** A Store over a database of either dialect; `clock` stamps every time the store writes. */
export function storeOver(db: Db, clock: () => number): Store {
  return {
    dialect: db.dialect,
    subscriptions: sqlSubscriptions(db, clock),
    announcements: sqlAnnouncements(db, clock),
    outbox: sqlOutbox(db, clock),
    sendBudget: sqlSendBudget(db, clock),
    events: sqlEvents(db, clock),
    homes: sqlHomes(db, clock),
    leases: sqlLeases(db, clock),
    work: sqlWork(db, clock),
    installations: sqlInstallations(db, clock),
    oauthStates: sqlOAuthStates(db, clock),
    settings: sqlSettings(db, clock),
    mutes: sqlMutes(db, clock),
    digests: sqlDigests(db, clock),
    adoptLegacyRows: (ws) => adoptLegacyRows(db, ws),
    ping: async () => {
      await db.get('SELECT 1 AS one');
    },
    close: () => db.close(),
  };
}
