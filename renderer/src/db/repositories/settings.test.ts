import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DemoSetting, ReplySetting, ScheduleSetting } from '@shared/settings/setting-definitions';
import { addDemoOnFirstRun } from '../../app/prepare-store';
import { SlowpostDatabase } from '../database';
import { removeDemo } from './demo';
import { readSetting, settingProblems, writeSetting } from './settings';

let db: SlowpostDatabase;
let n = 0;
beforeEach(() => {
  db = new SlowpostDatabase(`settings-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('settings that cannot be read', () => {
  it('a damaged demo setting never brings back the demo the user removed, and is reported', async () => {
    expect(await addDemoOnFirstRun(db, 1_000)).toBe(true);
    await removeDemo(db, 2_000);
    expect(await db.accounts.count()).toBe(0);
    await db.settings.put({ key: 'demo', version: 1, value: { state: 'lost?' }, updatedAt: 3_000 });

    expect(await addDemoOnFirstRun(db, 4_000)).toBe(false);
    expect(await db.accounts.count()).toBe(0);
    const problems = await settingProblems(db);
    expect(problems.map((p) => [p.key, p.about])).toEqual([
      ['demo', 'whether the demo network belongs in your inbox'],
    ]);
    expect(problems[0]?.meanwhile).toMatch(/does not bring it back/);
    expect(problems[0]?.detail).toMatch(/^Invalid setting "demo": state: /);
  });

  it('a damaged schedule is reported, the default is used meanwhile, and saving again clears it', async () => {
    await db.settings.put({ key: 'schedule', version: 1, value: 'every hour', updatedAt: 1 });
    await db.settings.put({ key: 'replies', version: 7, value: {}, updatedAt: 1 });
    expect(await readSetting(db, ScheduleSetting)).toEqual(ScheduleSetting.defaultValue);
    const problems = await settingProblems(db);
    expect(problems.map((p) => p.key)).toEqual(['schedule', 'replies']);
    expect(problems[1]?.detail).toMatch(/newer version/);

    await writeSetting(db, ScheduleSetting, ScheduleSetting.defaultValue, 2);
    await writeSetting(db, ReplySetting, ReplySetting.defaultValue, 2);
    expect(await settingProblems(db)).toEqual([]);
    expect((await readSetting(db, DemoSetting)).state).toBe('absent');
  });
});
