import type { Connector } from '@shared/connectors/connector';
import { withDeadline } from '@shared/connectors/deadline';
import type { SlowpostDb } from '../db/database';
import { recordSeenTold } from '../db/repositories/account-state';
import { describeSyncFailure } from './sync-failure';
import type { SyncOptions } from './sync-account';

/**
 * Tells the network what a finished session showed (`Account.seenUpTo`, noted when the inbox
 * closed), once: the account remembers what the network confirmed. A failure is only logged and
 * tried again at the next sync; it is never the user's problem (their inbox is already closed,
 * and their other apps merely show a few items as new). Returns whether the network was told now.
 */
export async function tellSeen(
  db: SlowpostDb,
  connector: Connector,
  log: (message: string) => void,
  options: SyncOptions = {},
): Promise<boolean> {
  const accountId = connector.account.id;
  const account = await db.accounts.get(accountId);
  const seen = account?.seenUpTo;
  if (account === undefined || seen === undefined || seen.networkId === account.seenToldUpTo) {
    return false;
  }
  try {
    await withDeadline(
      (call) => connector.markSeen(seen.networkId, call, seen.createdAt),
      options.requestTimeoutMs,
      options.timer,
    );
  } catch (error) {
    log(`sync ${accountId}: the server was not told what was seen: ${describeSyncFailure(error)}`);
    return false;
  }
  await recordSeenTold(db, accountId, seen.networkId);
  return true;
}
