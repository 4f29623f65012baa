import { createDemoConnector } from '@shared/demo';
import { addDemoOnFirstRun, welcomeDelivery } from '../app/prepare-store';
import { SlowpostDatabase } from '../db/database';
import { syncAccount } from '../sync/sync-account';

let opened = 0;

/**
 * A fresh store (fake-indexeddb in Vitest) holding the demo network as the app sets it up on
 * first run: synced through the real connector and ingest path, with the welcome delivery made.
 */
export async function openDemoStore(
  anchor: number,
  name = 'demo-store',
): Promise<SlowpostDatabase> {
  const db = new SlowpostDatabase(`${name}-${++opened}`);
  await addDemoOnFirstRun(db, anchor);
  const connector = createDemoConnector({ anchor, clock: () => anchor });
  await syncAccount(
    db,
    connector,
    () => anchor,
    () => {},
  );
  await welcomeDelivery(db, anchor);
  return db;
}
