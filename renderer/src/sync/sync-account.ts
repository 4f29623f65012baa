import type { Connector } from '../../../shared/connectors/connector';
import { withDeadline, type RequestTimer } from '../../../shared/connectors/deadline';
import { sanitizeBatch } from '../../../shared/connectors/sanitize-batch';
import type { SlowpostDb } from '../db/database';
import { NoSuchAccountError } from '../db/repositories/ingest';
import { ingestPage } from '../db/repositories/ingest-page';
import { recordSyncFailed, recordSyncSucceeded } from '../db/repositories/sync-log';
import { describeSyncFailure } from './sync-failure';

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
 * sync log (Settings shows it); a failure there is kept too, and thrown on. Every request has a
 * deadline: a server that never answers fails this sync (it is tried again at the next one).
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
    }
    throw error;
  }
  await recordSyncSucceeded(db, accountId, now());
  return { accountId, pages, newActivity, problems };
}
