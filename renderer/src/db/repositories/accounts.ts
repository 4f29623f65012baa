import Dexie from 'dexie';
import type { Account } from '@shared/domain';
import { newConversationDraftId } from '@shared/domain/draft';
import type { SignedInAccount } from '@shared/ipc/contract';
import type { SlowpostDb } from '../database';
import { openDeliveries } from './open-deliveries';
import { dropFromLinks } from './person-links';
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
 * Stores an account the user just signed in to (main holds its credentials; this record holds
 * what the app shows and syncs). Signing in again to a known account refreshes its name and
 * clears the sign-in problem, keeping its sync cursor: nothing is fetched twice.
 */
export async function saveSignedInAccount(
  db: SlowpostDb,
  signedIn: SignedInAccount,
  now: number,
): Promise<{ readonly account: Account; readonly isNew: boolean }> {
  return db.transaction('rw', db.accounts, async () => {
    const existing = await db.accounts.get(signedIn.id);
    if (
      existing !== undefined &&
      (existing.networkUserId !== signedIn.networkUserId ||
        existing.serverOrigin !== signedIn.serverOrigin)
    ) {
      throw new Error(
        `That was ${signedIn.handle}, not ${existing.handle}. To sign in again, use ${existing.handle}; to add ${signedIn.handle}, add it as a new account.`,
      );
    }
    const account: Account =
      existing === undefined
        ? {
            id: signedIn.id,
            network: signedIn.network,
            handle: signedIn.handle,
            displayName: signedIn.displayName,
            serverOrigin: signedIn.serverOrigin,
            networkUserId: signedIn.networkUserId,
            isDemo: false,
            addedAt: now,
            syncCursor: null,
            lastSyncedAt: null,
          }
        : {
            ...existing,
            handle: signedIn.handle,
            displayName: signedIn.displayName,
            signInProblem: null,
          };
    await db.accounts.put(account);
    return { account, isNew: existing === undefined };
  });
}

/**
 * Removes an account and everything that came from it, in one transaction: its people (and their
 * place in links with people of other accounts), posts, threads, activity, drafts, outbox entries
 * and sync log. Deliveries stay (they are the user's
 * history), but an open one left with nothing in it is closed: it has nothing left to show.
 */
export async function removeAccountData(
  db: SlowpostDb,
  accountId: string,
  now: number = Date.now(),
): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.deliveries,
      db.accounts,
      db.people,
      db.personLinks,
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
      // Links with people of other accounts end where only one person is left; they keep a
      // copy of the link's notes.
      await dropFromLinks(db, await db.people.where('accountId').equals(accountId).primaryKeys());
      await db.people.where('accountId').equals(accountId).delete();
      await db.posts.where('accountId').equals(accountId).delete();
      await db.threads.where('accountId').equals(accountId).delete();
      await db.activity.where('accountId').equals(accountId).delete();
      await db.drafts.where('threadId').anyOf(threadIds).delete();
      await db.outbox.where('threadId').anyOf(threadIds).delete();
      // New conversations belong to no thread yet: their drafts are keyed by the person written
      // to (whose id starts with the account's), their entries carry the account.
      await db.drafts
        .where('id')
        .startsWith(newConversationDraftId(`${accountId}|`))
        .delete();
      await db.outbox
        .filter((row: { accountId?: unknown; threadId?: unknown }) => {
          return row.accountId === accountId && row.threadId == null;
        })
        .delete();
      await forgetSyncLog(db, accountId);
      await db.accounts.delete(accountId);
      await closeEmptyOpenDeliveries(db, now);
    },
  );
}

/** Closes open deliveries that hold no activity (their account was removed). */
async function closeEmptyOpenDeliveries(db: SlowpostDb, now: number): Promise<void> {
  const open = await openDeliveries(db);
  const counts = await Promise.all(
    open.map((d) =>
      db.activity
        .where('[deliveryId+arrivedAt]')
        .between([d.id, Dexie.minKey], [d.id, Dexie.maxKey])
        .count(),
    ),
  );
  await Promise.all(
    open.flatMap((d, i) =>
      counts[i] === 0
        ? [db.deliveries.update(d.id, { closedAt: now, openedAt: d.openedAt ?? now })]
        : [],
    ),
  );
}
