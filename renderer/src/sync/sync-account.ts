import type { Connector } from '../../../shared/connectors/connector';
import type { SlowpostDb } from '../db/database';
import { ingestBatch } from '../db/repositories/ingest';

export interface SyncSummary {
  readonly accountId: string;
  readonly pages: number;
  readonly newActivity: number;
  readonly problems: number;
}

/** A safety net: a connector that always says `hasMore` cannot keep a sync running forever. */
const MAX_PAGES_PER_SYNC = 1000;

/**
 * Catches one account up: fetch a page (network, outside any transaction), store it with its
 * cursor (one transaction), repeat. Malformed items were already turned into problems by the
 * connector; they are logged and the sync goes on.
 */
export async function syncAccount(
  db: SlowpostDb,
  connector: Connector,
  now: () => number,
  log: (message: string) => void,
): Promise<SyncSummary> {
  const accountId = connector.account.id;
  let pages = 0;
  let newActivity = 0;
  let problems = 0;
  for (;;) {
    const account = await db.accounts.get(accountId);
    if (account === undefined) break; // removed while syncing
    const batch = await connector.fetchActivitySince(account.syncCursor);
    for (const problem of batch.problems) {
      log(`sync ${accountId}: skipped ${problem.itemId ?? 'an item'}: ${problem.message}`);
    }
    problems += batch.problems.length;
    const stored = await ingestBatch(db, accountId, batch, now());
    newActivity += stored.newActivity;
    pages += 1;
    if (!batch.hasMore || pages >= MAX_PAGES_PER_SYNC) break;
  }
  return { accountId, pages, newActivity, problems };
}
