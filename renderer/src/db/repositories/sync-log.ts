import type { Account, SkippedItem, SyncStatus } from '@shared/domain';
import { SkippedItemSchema, SyncStatusSchema } from '@shared/domain';
import type { ConnectorProblem } from '@shared/connectors/connector';
import type { SlowpostDb } from '../database';

/** Skipped items kept per account; older ones are dropped as new ones come. */
export const SKIPPED_KEPT_PER_ACCOUNT = 200;

/**
 * Records what a sync skipped. Called inside `ingestBatch`, it joins that transaction, so an item
 * is recorded exactly when the cursor moves past it. Keeps the newest entries per account.
 */
export async function recordSkipped(
  db: SlowpostDb,
  accountId: string,
  problems: readonly ConnectorProblem[],
  at: number,
): Promise<void> {
  if (problems.length === 0) return;
  await db.transaction('rw', db.syncLog, async () => {
    await db.syncLog.bulkAdd(
      problems.map((p) => ({ accountId, at, itemId: p.itemId, reason: p.message })),
    );
    const older = await db.syncLog
      .where('accountId')
      .equals(accountId)
      .reverse()
      .offset(SKIPPED_KEPT_PER_ACCOUNT)
      .primaryKeys();
    if (older.length > 0) await db.syncLog.bulkDelete(older);
  });
}

/** A sync of the account went through to the end: it is up to date as of `at`. */
export async function recordSyncSucceeded(
  db: SlowpostDb,
  accountId: string,
  at: number,
): Promise<void> {
  await db.syncStatus.put({ accountId, lastSucceededAt: at, lastFailure: null });
}

/** A sync of the account stopped with `reason`; when it last succeeded stays as it was. */
export async function recordSyncFailed(
  db: SlowpostDb,
  accountId: string,
  at: number,
  reason: string,
): Promise<void> {
  await db.transaction('rw', db.syncStatus, async () => {
    const before = await db.syncStatus.get(accountId);
    await db.syncStatus.put({
      accountId,
      lastSucceededAt: before?.lastSucceededAt ?? null,
      lastFailure: { at, reason },
    });
  });
}

/** What Settings shows about one account's syncs. */
export interface AccountSyncLog {
  readonly account: Account;
  /** When a sync last went through to the end, or null before the first. */
  readonly lastSucceededAt: number | null;
  readonly lastFailure: SyncStatus['lastFailure'];
  /** Items skipped, newest first (at most `SKIPPED_KEPT_PER_ACCOUNT`). */
  readonly skipped: readonly SkippedItem[];
}

/** Every account with its sync log, in the order the accounts were added. */
export async function readSyncLogs(db: SlowpostDb): Promise<AccountSyncLog[]> {
  return db.transaction('r', [db.accounts, db.syncStatus, db.syncLog], async () => {
    const accounts = (await db.accounts.toArray()).sort((a, b) => a.addedAt - b.addedAt);
    return Promise.all(
      accounts.map(async (account) => {
        const [status, skipped] = await Promise.all([
          db.syncStatus.get(account.id),
          db.syncLog.where('accountId').equals(account.id).reverse().toArray(),
        ]);
        const readable = SyncStatusSchema.safeParse(status);
        return {
          account,
          // Before its first logged sync (e.g. synced by a version without the log), an account
          // knows only when a page was last stored.
          lastSucceededAt: readable.success ? readable.data.lastSucceededAt : account.lastSyncedAt,
          lastFailure: readable.success ? readable.data.lastFailure : null,
          skipped: skipped.filter((entry) => SkippedItemSchema.safeParse(entry).success),
        };
      }),
    );
  });
}

/** Forgets an account's sync log (the account is being removed); joins the caller's transaction. */
export async function forgetSyncLog(db: SlowpostDb, accountId: string): Promise<void> {
  await db.transaction('rw', [db.syncLog, db.syncStatus], async () => {
    await db.syncLog.where('accountId').equals(accountId).delete();
    await db.syncStatus.delete(accountId);
  });
}
