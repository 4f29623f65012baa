import { describe, expect, it } from 'vitest';
import {
  copyDayTo,
  DELIVERY_PRESETS,
  FOCUS_PRESETS,
  matchingDeliveryPreset,
  scheduleFromPresets,
  WEEKDAYS,
} from './schedule-presets';
import { ScheduleSettingsSchema } from './schedule-settings';
import { validateSchedule } from './validate-schedule';

describe('schedule presets', () => {
  it('every delivery preset with all focus presets together is a valid schedule (they never overlap)', () => {
    for (const delivery of DELIVERY_PRESETS) {
      const schedule = scheduleFromPresets(delivery, FOCUS_PRESETS);
      expect(ScheduleSettingsSchema.safeParse(schedule).success).toBe(true);
      expect(validateSchedule(schedule).ok, delivery.id).toBe(true);
    }
  });

  it('hands out copies, so editing a chosen schedule never changes the preset', () => {
    const schedule = scheduleFromPresets(DELIVERY_PRESETS[0]!, [FOCUS_PRESETS[0]!]);
    schedule.deliveries['1'].push('20:00');
    schedule.focusWindows[0]!.days.push(6);
    expect(DELIVERY_PRESETS[0]!.deliveries['1']).toEqual(['09:00', '13:00', '18:00']);
    expect(FOCUS_PRESETS[0]!.window.days).toEqual([1, 2, 3, 4, 5]);
  });

  it('copies one day to others ("same as Monday")', () => {
    const start = scheduleFromPresets(DELIVERY_PRESETS[3]!, []).deliveries;
    const next = copyDayTo(start, 1, [6, 7]);
    expect(next['6']).toEqual(['09:00', '17:00']);
    expect(next['7']).toEqual(['09:00', '17:00']);
    expect(start['6']).toEqual([]);
    expect(copyDayTo(start, 6, WEEKDAYS)['3']).toEqual([]);
  });

  it('recognises a schedule that is a preset, in any order of times', () => {
    const deliveries = scheduleFromPresets(DELIVERY_PRESETS[1]!, []).deliveries;
    deliveries['2'] = ['17:30', '08:30'];
    expect(matchingDeliveryPreset(deliveries)?.id).toBe('twice-a-day');
    deliveries['2'] = ['17:30'];
    expect(matchingDeliveryPreset(deliveries)).toBeUndefined();
  });
});
