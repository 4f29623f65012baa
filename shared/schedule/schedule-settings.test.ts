import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULE_SETTINGS,
  FocusWindowSchema,
  ScheduleSettingsSchema,
  defaultScheduleSettings,
} from './schedule-settings';

describe('default schedule settings', () => {
  it('deliver at 09:00, 13:00 and 18:00 every day, with no focus windows', () => {
    for (const key of ['1', '2', '3', '4', '5', '6', '7'] as const) {
      expect(DEFAULT_SCHEDULE_SETTINGS.deliveries[key]).toEqual(['09:00', '13:00', '18:00']);
    }
    expect(DEFAULT_SCHEDULE_SETTINGS.focusWindows).toEqual([]);
    expect(ScheduleSettingsSchema.safeParse(DEFAULT_SCHEDULE_SETTINGS).success).toBe(true);
  });

  it('are frozen; defaultScheduleSettings() gives an editable copy', () => {
    expect(() => {
      DEFAULT_SCHEDULE_SETTINGS.deliveries['1'].push('20:00');
    }).toThrow(TypeError);
    const copy = defaultScheduleSettings();
    copy.deliveries['1'].push('20:00');
    expect(copy.deliveries['1']).toHaveLength(4);
    expect(DEFAULT_SCHEDULE_SETTINGS.deliveries['1']).toHaveLength(3);
    expect(defaultScheduleSettings()).toEqual(DEFAULT_SCHEDULE_SETTINGS);
  });
});

describe('ScheduleSettingsSchema', () => {
  it('requires every weekday 1–7 and rejects unknown day keys', () => {
    const { '7': _sunday, ...sixDays } = defaultScheduleSettings().deliveries;
    expect(
      ScheduleSettingsSchema.safeParse({ deliveries: sixDays, focusWindows: [] }).success,
    ).toBe(false);
    const eightDays = { ...defaultScheduleSettings().deliveries, '8': ['09:00'] };
    expect(
      ScheduleSettingsSchema.safeParse({ deliveries: eightDays, focusWindows: [] }).success,
    ).toBe(false);
  });

  it('accepts 24:00 as a window end but not as a start', () => {
    const window = { days: [1], start: '21:00', end: '24:00' };
    expect(FocusWindowSchema.safeParse(window).success).toBe(true);
    expect(FocusWindowSchema.safeParse({ ...window, start: '24:00', end: '07:00' }).success).toBe(
      false,
    );
  });

  it('rejects weekdays outside 1–7 and windows without days', () => {
    expect(FocusWindowSchema.safeParse({ days: [0], start: '09:00', end: '10:00' }).success).toBe(
      false,
    );
    expect(FocusWindowSchema.safeParse({ days: [8], start: '09:00', end: '10:00' }).success).toBe(
      false,
    );
    expect(FocusWindowSchema.safeParse({ days: [], start: '09:00', end: '10:00' }).success).toBe(
      false,
    );
  });
});
