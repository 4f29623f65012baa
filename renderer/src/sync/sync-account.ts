import { ConnectorError, type Connector } from '@shared/connectors/connector';
import { withDeadline, type RequestTimer } from '@shared/connectors/deadline';
import { sanitizeBatch } from '@shared/connectors/sanitize-batch';
import type { SlowpostDb } from '../db/database';
import { recordServerAccepted, recordSignInRefused } from '../db/repositories/account-state';
import { NoSuchAccountError } from '../db/repositories/ingest';
import { ingestPage } from '../db/repositories/ingest-page';
import { recordSyncFailed, recordSyncSucceeded } from '../db/repositories/sync-log';
import { followingDue, readFollowing } from './let-in-followed';
import { describeSyncFailure } from './sync-failure';
import { tellSeen } from './tell-seen';

export interface SyncSummary {
  readonly accountId: string;
  readonly pages: number;
  readonly newActivity: number;
  /** Items skipped (and recorded in the account's sync log). */
  readonly problems: number;
}

export interface SyncOptions {
  /** Each request is given up after this long (default 30 s). */
  readonly requestTimeoutMs?: number;
  /** Default: `setTimeout`; tests pass their own. */
  readonly timer?: RequestTimer;
}

/** A safety net: a connector that always says `hasMore` cannot keep a sync running forever. */
const MAX_PAGES_PER_SYNC = 1000;

/**
 * Catches one account up: fetch a page (network, outside any transaction), parse every item at
 * the boundary (`sanitizeBatch`: malformed items are skipped with their reason), store the good
 * ones with the cursor and the record of what was skipped (`ingestPage`), repeat. One bad item
 * never stops a sync: the cursor always moves past it. How the sync went is kept in the account's
 * sync log (Settings shows it); a failure there is kept too, and thrown on (a server that refuses
 * the sign-in also marks the account: Settings asks to sign in again). Every request has a
 * deadline: a server that never answers fails this sync (it is tried again at the next one).
 *
 * Once the activity is in, the account keeps what its server lets a reply do (capabilities), the
 * people the user follows are let past the screener (read again once a day), and the network is
 * told what the last finished session showed. Those three never fail the sync: a failure is logged
 * and they are tried again at the next one.
 */
export async function syncAccount(
  db: SlowpostDb,
  connector: Connector,
  now: () => number,
  log: (message: string) => void,
  options: SyncOptions = {},
): Promise<SyncSummary> {
  const accountId = connector.account.id;
  let pages = 0;
  let newActivity = 0;
  let problems = 0;
  try {
    for (;;) {
      const account = await db.accounts.get(accountId);
      if (account === undefined) return { accountId, pages, newActivity, problems }; // removed
      const cursor = account.syncCursor;
      const page = await withDeadline(
        (call) => connector.fetchActivitySince(cursor, call),
        options.requestTimeoutMs,
        options.timer,
      );
      const { batch } = sanitizeBatch(page);
      const stored = await ingestPage(db, accountId, batch, now());
      for (const problem of stored.skipped) {
        log(`sync ${accountId}: skipped ${problem.itemId ?? 'an item'}: ${problem.message}`);
      }
      problems += stored.skipped.length;
      newActivity += stored.newActivity;
      pages += 1;
      if (!batch.hasMore || pages >= MAX_PAGES_PER_SYNC) break;
    }
  } catch (error) {
    if (!(error instanceof NoSuchAccountError)) {
      await recordSyncFailed(db, accountId, now(), describeSyncFailure(error)).catch(() => {
        log(`sync ${accountId}: the failure could not be recorded either`);
      });
      if (error instanceof ConnectorError && error.failure.kind === 'auth') {
        await recordSignInRefused(db, accountId, error.failure.message).catch(() => {
          log(`sync ${accountId}: the refused sign-in could not be recorded`);
        });
      }
    }
    throw error;
  }
  await recordSyncSucceeded(db, accountId, now());
  await recordServerAccepted(db, accountId, connector.capabilities);
  await afterActivity(db, connector, now, log, options);
  return { accountId, pages, newActivity, problems };
}

/** The followed people and the read position: logged when they fail, never failing the sync. */
async function afterActivity(
  db: SlowpostDb,
  connector: Connector,
  now: () => number,
  log: (message: string) => void,
  options: SyncOptions,
): Promise<void> {
  const accountId = connector.account.id;
  const account = await db.accounts.get(accountId);
  if (account === undefined) return;
  if (followingDue(account, now())) {
    try {
      const letIn = await readFollowing(db, connector, now, log, options);
      if (letIn > 0) log(`sync ${accountId}: let in ${letIn} people the user follows`);
    } catch (error) {
      log(`sync ${accountId}: the people followed were not read: ${describeSyncFailure(error)}`);
    }
  }
  await tellSeen(db, connector, log, options);
}
