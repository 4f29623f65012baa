import type { Account } from '@shared/domain';
import type { Connector } from '@shared/connectors/connector';
import type { SlowpostDb } from '../db/database';
import { connectorFor } from './connector-for';
import { syncAccount, type SyncOptions } from './sync-account';
import { tellSeen } from './tell-seen';

type MaybePromise<T> = T | Promise<T>;

/**
 * Syncs every account side by side: one account's failure, or a server that is slow to answer,
 * does not hold up the others.
 */
export async function syncAll(
  db: SlowpostDb,
  now: () => number,
  log: (message: string) => void,
  connectorOf: (account: Account) => MaybePromise<Connector | null> = (account) =>
    connectorFor(account, now),
  options: SyncOptions = {},
): Promise<{ newActivity: number; problems: number }> {
  const results = await Promise.all(
    (await db.accounts.toArray()).map(async (account) => {
      try {
        const connector = await connectorOf(account);
        if (connector === null) return { newActivity: 0, problems: 0 };
        return await syncAccount(db, connector, now, log, options);
      } catch (error) {
        log(`sync ${account.id} failed: ${error instanceof Error ? error.message : String(error)}`);
        return { newActivity: 0, problems: 1 };
      }
    }),
  );
  return {
    newActivity: results.reduce((sum, r) => sum + r.newActivity, 0),
    problems: results.reduce((sum, r) => sum + r.problems, 0),
  };
}

/** Tells every account's network what the finished session showed; returns how many were told. */
export async function tellSeenAll(
  db: SlowpostDb,
  now: () => number,
  log: (message: string) => void,
  connectorOf: (account: Account) => MaybePromise<Connector | null> = (account) =>
    connectorFor(account, now),
  options: SyncOptions = {},
): Promise<number> {
  const told = await Promise.all(
    (await db.accounts.toArray()).map(async (account) => {
      const connector = await connectorOf(account);
      return connector === null ? false : tellSeen(db, connector, log, options);
    }),
  );
  return told.filter(Boolean).length;
}
