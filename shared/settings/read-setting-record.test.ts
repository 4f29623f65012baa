import { describe, expect, it } from 'vitest';
import { readSettingRecord } from './read-setting-record';
import { DemoSetting, ScheduleSetting } from './setting-definitions';

const record = (value: unknown, version = 1) => ({ key: 'x', version, value, updatedAt: 1 });

describe('reading a stored setting', () => {
  it('uses the default when nothing is stored yet, with no problem', () => {
    expect(readSettingRecord(DemoSetting, undefined)).toEqual({
      value: { state: 'absent', anchor: null },
      problem: null,
    });
  });

  it('uses a value that parses', () => {
    const stored = record({ state: 'removed', anchor: 5 });
    expect(readSettingRecord(DemoSetting, stored)).toEqual({
      value: { state: 'removed', anchor: 5 },
      problem: null,
    });
  });

  it('reports a damaged schedule, naming the field, and uses the default schedule meanwhile', () => {
    const reading = readSettingRecord(
      ScheduleSetting,
      record({ schedule: { slots: 'whenever' }, notifyWhenEmpty: false }),
    );
    expect(reading.value).toEqual(ScheduleSetting.defaultValue);
    expect(reading.problem).toMatch(/^Invalid setting "schedule": schedule\./);
  });

  it('never brings back a demo the user removed because its record is damaged', () => {
    for (const damaged of [record({ state: 'gone' }), record(null), { key: 'demo' }, 'junk']) {
      const reading = readSettingRecord(DemoSetting, damaged);
      expect(reading.value.state).toBe('removed');
      expect(reading.problem).not.toBeNull();
    }
  });

  it('does not use a value saved by a newer version of Slowpost', () => {
    const reading = readSettingRecord(DemoSetting, record({ state: 'active', anchor: 1 }, 2));
    expect(reading.value.state).toBe('removed');
    expect(reading.problem).toMatch(/newer version of Slowpost/);
  });
});
