import type { Account } from '@shared/domain';
import { ACCOUNT_HEADER } from '@shared/connectors/gateway';
import { DemoSetting } from '@shared/settings/setting-definitions';
import { createBlueskyConnector } from '../../../renderer/src/connectors/bluesky/bluesky-connector';
import { SlowpostDatabase } from '../../../renderer/src/db/database';
import { writeSetting } from '../../../renderer/src/db/repositories/settings';
import { syncAccount } from '../../../renderer/src/sync/sync-account';

/**
 * Syncs a Bluesky account through the app's own connector and sync path, against the loopback
 * host's gateway (which holds the account's session): one sync, which walks back to the account's
 * cursor and stores everything newer, oldest first.
 */
async function blueskySync(
  account: Account,
): Promise<{ items: number; skipped: number; seconds: number; pages: number }> {
  const db = new SlowpostDatabase();
  await db.delete();
  await db.open();
  await writeSetting(db, DemoSetting, { state: 'removed', anchor: null }, Date.now());
  await db.accounts.add(account);
  const connector = createBlueskyConnector({
    account,
    baseUrl: location.origin,
    headers: { [ACCOUNT_HEADER]: account.id },
  });
  const started = performance.now();
  const summary = await syncAccount(db, connector, Date.now, () => undefined);
  const seconds = (performance.now() - started) / 1000;
  const items = await db.activity.count();
  db.close();
  return { items, skipped: summary.problems, seconds, pages: summary.pages };
}

declare global {
  interface Window {
    slowpostBenchBluesky: { blueskySync: typeof blueskySync };
  }
}

window.slowpostBenchBluesky = { blueskySync };
