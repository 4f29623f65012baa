import type { SlowpostDb } from '../db/database';
import { connectorFor } from './connector-for';
import { syncAccount } from './sync-account';

/** Syncs every account one after the other; one account's failure does not stop the others. */
export async function syncAll(
  db: SlowpostDb,
  now: () => number,
  log: (message: string) => void,
): Promise<{ newActivity: number; problems: number }> {
  let newActivity = 0;
  let problems = 0;
  for (const account of await db.accounts.toArray()) {
    const connector = connectorFor(account, now);
    if (connector === null) continue;
    try {
      const summary = await syncAccount(db, connector, now, log);
      newActivity += summary.newActivity;
      problems += summary.problems;
    } catch (error) {
      problems += 1;
      log(`sync ${account.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { newActivity, problems };
}
