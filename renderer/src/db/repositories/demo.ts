import { DemoSetting } from '@shared/settings/setting-definitions';
import type { SlowpostDb } from '../database';
import { removeAccountData } from './accounts';
import { readSetting, writeSetting } from './settings';

/** Removes the demo network and remembers that the user removed it, so it never comes back unasked. */
export async function removeDemo(db: SlowpostDb, now: number): Promise<void> {
  const demoAccounts = await db.accounts.where('network').equals('demo').primaryKeys();
  for (const accountId of demoAccounts) await removeAccountData(db, accountId, now);
  const current = await readSetting(db, DemoSetting);
  await writeSetting(db, DemoSetting, { ...current, state: 'removed' }, now);
}
