import { createDemoAccount } from '../../../shared/demo/account';
import {
  DEMO_ACCOUNT_ID,
  DEMO_FIRST_TIME_SENDER_ID,
  DEMO_SPAM_PERSON_IDS,
} from '../../../shared/demo/constants';
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

/** The first delivery, right after the demo (or an account) is added: no waiting for a slot. */
export async function welcomeDelivery(db: SlowpostDb, now: number): Promise<void> {
  await letInDemoRegulars(db);
  await makeDelivery(db, { kind: 'welcome', slot: now, now });
}

/**
 * The demo stands for someone who has used social media for years: the people they follow are let
 * in. Only the first-time sender and the spam accounts meet the screener, as they would for real.
 */
async function letInDemoRegulars(db: SlowpostDb): Promise<void> {
  const strangers = new Set<string>([DEMO_FIRST_TIME_SENDER_ID, ...DEMO_SPAM_PERSON_IDS]);
  await db.people
    .where('accountId')
    .equals(DEMO_ACCOUNT_ID)
    .filter((p) => p.screening === 'unknown' && !p.isSelf && !strangers.has(p.id))
    .modify({ screening: 'let-in' });
}
