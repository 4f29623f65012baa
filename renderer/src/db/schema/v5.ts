import type { SchemaVersion } from './schema-version';

/**
 * Version 5: a sync log per account, for the user to see. `syncLog` holds the items syncs
 * skipped, by an ever-growing `seq`; indexed by account, whose entries IndexedDB keeps in `seq`
 * order, so "this account's newest" and "all but its newest 200" are each one index range.
 * `syncStatus` holds one record per account: when a sync last finished, and the latest failure.
 * New tables only: no data changes shape.
 */
export const v5: SchemaVersion = {
  version: 5,
  stores: {
    syncLog: '++seq, accountId',
    syncStatus: 'accountId',
  },
};
