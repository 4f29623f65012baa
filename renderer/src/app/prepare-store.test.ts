import { beforeEach, describe, expect, it } from 'vitest';
import {
  FOCUS_PRESETS,
  DELIVERY_PRESETS,
  scheduleFromPresets,
} from '@shared/schedule/schedule-presets';
import { DemoSetting, ScheduleSetting, WelcomeSetting } from '@shared/settings/setting-definitions';
import { SlowpostDatabase } from '../db/database';
import { readSetting, writeSetting } from '../db/repositories/settings';
import {
  addDemoOnFirstRun,
  answerWelcome,
  demoOwesWelcome,
  needsWelcome,
  welcomeDelivery,
} from './prepare-store';

const T = 1_700_000_000_000;
let db: SlowpostDatabase;
let n = 0;

beforeEach(() => {
  db = new SlowpostDatabase(`prepare-store-${++n}`);
});

describe('the first-run welcome', () => {
  it('is needed on a fresh store only', async () => {
    expect(await needsWelcome(db)).toBe(true);
  });

  it('is never shown to someone who used a release without it (demo loaded or removed)', async () => {
    await addDemoOnFirstRun(db, T);
    expect(await needsWelcome(db)).toBe(false);
    await writeSetting(db, DemoSetting, { state: 'removed', anchor: null }, T);
    expect(await needsWelcome(db)).toBe(false);
  });

  it('is never shown again when its setting cannot be read', async () => {
    await db.settings.put({ key: 'welcome', version: 1, value: { choice: 'maybe' }, updatedAt: T });
    expect(await needsWelcome(db)).toBe(false);
    await db.settings.put({ key: 'welcome', version: 2, value: { choice: null }, updatedAt: T });
    expect(await needsWelcome(db)).toBe(false);
  });

  it('Explore the demo: stores the chosen schedule, and the demo loads as on any first run', async () => {
    const twice = DELIVERY_PRESETS[1];
    const deepWork = FOCUS_PRESETS[0];
    if (twice === undefined || deepWork === undefined) throw new Error('presets');
    const schedule = scheduleFromPresets(twice, [deepWork]);
    await answerWelcome(db, { choice: 'demo', schedule }, T);
    expect(await needsWelcome(db)).toBe(false);
    expect((await readSetting(db, ScheduleSetting)).schedule).toEqual(schedule);
    expect(await addDemoOnFirstRun(db, T)).toBe(true);
  });

  it('Skip keeps the default schedule (nothing is written) and the demo loads', async () => {
    await answerWelcome(db, { choice: 'skipped', schedule: null }, T);
    expect(await db.settings.get('schedule')).toBeUndefined();
    expect(await readSetting(db, WelcomeSetting)).toEqual({ choice: 'skipped' });
    expect(await addDemoOnFirstRun(db, T)).toBe(true);
  });

  it('Connect an account: the demo is not loaded, and can still be added later', async () => {
    await answerWelcome(db, { choice: 'account', schedule: null }, T);
    expect(await addDemoOnFirstRun(db, T)).toBe(false);
    expect(await readSetting(db, DemoSetting)).toEqual({ state: 'removed', anchor: null });
    expect(await needsWelcome(db)).toBe(false);
  });
});

describe("the demo's first delivery", () => {
  it('is owed from the moment the demo loads until a delivery comes', async () => {
    expect(await demoOwesWelcome(db)).toBe(false);
    await addDemoOnFirstRun(db, T);
    // The sync before it failed: the next start still owes it.
    expect(await demoOwesWelcome(db)).toBe(true);
    await welcomeDelivery(db, T + 60_000);
    expect(await demoOwesWelcome(db)).toBe(false);
  });

  it('is not owed once the demo is removed', async () => {
    await addDemoOnFirstRun(db, T);
    await writeSetting(db, DemoSetting, { state: 'removed', anchor: null }, T);
    expect(await demoOwesWelcome(db)).toBe(false);
  });
});
