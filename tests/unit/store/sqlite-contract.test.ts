import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite.js';
import { runSendBudgetContract } from './send-budget-contract.js';
import { runStoreContract } from './store-contract.js';

let dir = '';
let file = '';
const factory = {
  setup: async () => {
    dir = mkdtempSync(join(tmpdir(), 'osm-contract-'));
  },
  teardown: async () => rmSync(dir, { recursive: true, force: true }),
  fresh: () => {
    file = join(dir, `db-${Math.random().toString(36).slice(2)}.sqlite`);
    return openSqliteStore(file);
  },
  another: () => openSqliteStore(file),
};
runStoreContract('sqlite', factory);
runSendBudgetContract('sqlite', factory);
