import { createDemoAccount } from '@shared/demo/account';
import type { ScheduleSettings } from '@shared/schedule/schedule-settings';
import { DemoSetting, ScheduleSetting, WelcomeSetting } from '@shared/settings/setting-definitions';
import type { SlowpostDb } from '../db/database';
import { addAccountIfMissing } from '../db/repositories/accounts';
import { makeDelivery } from '../db/repositories/deliveries';
import { readSetting, writeSetting } from '../db/repositories/settings';

/**
 * The welcome shows on the very first open only: nothing answered yet, and a fresh store (the
 * demo never loaded, no account). Someone who used a release without the welcome has the demo
 * active or removed, so never sees it.
 */
export async function needsWelcome(db: SlowpostDb): Promise<boolean> {
  const welcome = await readSetting(db, WelcomeSetting);
  if (welcome.choice !== null) return false;
  const [demo, accounts] = await Promise.all([readSetting(db, DemoSetting), db.accounts.count()]);
  return demo.state === 'absent' && accounts === 0;
}

/** How the welcome was answered; `schedule` is null when the user skipped (defaults stay). */
export interface WelcomeAnswer {
  readonly choice: 'demo' | 'account' | 'skipped';
  readonly schedule: ScheduleSettings | null;
}

/**
 * Stores the welcome's answer: the chosen schedule (through the same setting Settings saves, so
 * main's delivery clock gets it), and, for "Connect an account", that the demo is not loaded now
 * (the empty inbox and Settings still offer it). Startup then goes on as on any later open.
 */
export async function answerWelcome(
  db: SlowpostDb,
  answer: WelcomeAnswer,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    if (answer.schedule !== null) {
      const current = await readSetting(db, ScheduleSetting);
      await writeSetting(
        db,
        ScheduleSetting,
        { schedule: answer.schedule, notifyWhenEmpty: current.notifyWhenEmpty },
        now,
      );
    }
    if (answer.choice === 'account') {
      await writeSetting(db, DemoSetting, { state: 'removed', anchor: null }, now);
    }
    await writeSetting(db, WelcomeSetting, { choice: answer.choice }, now);
  });
}

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

/**
 * Whether the demo still owes its first delivery: it is loaded and no delivery has come yet (the
 * sync before it failed). The next start that catches up brings it.
 */
export async function demoOwesWelcome(db: SlowpostDb): Promise<boolean> {
  const demo = await readSetting(db, DemoSetting);
  return demo.state === 'active' && (await db.deliveries.limit(1).count()) === 0;
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
