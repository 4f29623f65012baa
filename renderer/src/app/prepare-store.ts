import { createDemoAccount } from '../../../shared/demo/account';
import { DemoSetting } from '../../../shared/settings/setting-definitions';
import type { SlowpostDb } from '../db/database';
import { addAccountIfMissing } from '../db/repositories/accounts';
import { makeDelivery } from '../db/repositories/deliveries';
import { readSetting, writeSetting } from '../db/repositories/settings';

/**
 * First run: add the demo network so a new user sees the whole experience with no account.
 * Returns true when the demo was added now (the caller shows that it is being prepared).
 */
export async function addDemoOnFirstRun(db: SlowpostDb, now: number): Promise<boolean> {
  const demo = await readSetting(db, DemoSetting);
  if (demo.state !== 'absent') return false;
  await addAccountIfMissing(db, createDemoAccount(now));
  await writeSetting(db, DemoSetting, { state: 'active', anchor: now }, now);
  return true;
}

/** Brings the demo back after it was removed (the empty inbox offers this). */
export async function restoreDemo(db: SlowpostDb, now: number): Promise<void> {
  await writeSetting(db, DemoSetting, { state: 'absent', anchor: null }, now);
  await addDemoOnFirstRun(db, now);
}

/**
 * The first delivery, right after the demo (or an account) is added: no waiting for a slot. The
 * sync before it has let the people the account follows past the screener (the demo follows its
 * regulars), so only first-time senders and likely spam meet the screener, as they would for real.
 */
export async function welcomeDelivery(db: SlowpostDb, now: number): Promise<void> {
  await makeDelivery(db, { kind: 'welcome', slot: now, now });
}
