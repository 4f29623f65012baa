import type { Account } from '../../../../shared/domain';
import type { SlowpostDb } from '../database';
import { forgetSyncLog } from './sync-log';

export async function addAccountIfMissing(db: SlowpostDb, account: Account): Promise<Account> {
  return db.transaction('rw', db.accounts, async () => {
    const existing = await db.accounts.get(account.id);
    if (existing !== undefined) return existing;
    await db.accounts.add(account);
    return account;
  });
}

/**
 * Removes an account and everything that came from it, in one transaction: its people, posts,
 * threads, activity, drafts, outbox entries and sync log. Deliveries stay (they are the user's
 * history).
 */
export async function removeAccountData(db: SlowpostDb, accountId: string): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.accounts,
      db.people,
      db.posts,
      db.threads,
      db.activity,
      db.drafts,
      db.outbox,
      db.syncLog,
      db.syncStatus,
    ],
    async () => {
      const threadIds = await db.threads.where('accountId').equals(accountId).primaryKeys();
      await db.people.where('accountId').equals(accountId).delete();
      await db.posts.where('accountId').equals(accountId).delete();
      await db.threads.where('accountId').equals(accountId).delete();
      await db.activity.where('accountId').equals(accountId).delete();
      await db.drafts.where('threadId').anyOf(threadIds).delete();
      await db.outbox.where('threadId').anyOf(threadIds).delete();
      await forgetSyncLog(db, accountId);
      await db.accounts.delete(accountId);
    },
  );
}
