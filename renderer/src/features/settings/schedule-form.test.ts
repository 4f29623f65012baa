import { describe, expect, it } from 'vitest';
import { validateSchedule } from '../../../../shared/schedule';
import { fromForm, padHour, parseTimes } from './schedule-form';
import type { ScheduleForm } from './schedule-form';

describe('times typed in the schedule form', () => {
  it('reads an hour typed with one digit: 9:00 is 09:00', () => {
    expect(padHour('9:00')).toBe('09:00');
    expect(padHour(' 7:30 ')).toBe('07:30');
    expect(padHour('09:00')).toBe('09:00');
    expect(parseTimes('9:00, 13:00 7:30')).toEqual(['09:00', '13:00', '07:30']);
  });

  it('leaves anything else as typed, for validation to explain', () => {
    expect(padHour('9.00')).toBe('9.00');
    expect(padHour('9:0')).toBe('9:0');
    expect(padHour('900')).toBe('900');
  });

  it('saves a schedule typed without leading zeros', () => {
    const form: ScheduleForm = {
      days: { 1: '9:00', 2: '', 3: '', 4: '', 5: '', 6: '', 7: '' },
      windows: [{ key: 0, label: '', days: [1], start: '8:00', end: '8:45' }],
      notifyWhenEmpty: false,
    };
    const checked = validateSchedule(fromForm(form), { timeZone: 'Europe/London' });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.deliveries['1']).toEqual(['09:00']);
    expect(checked.value.focusWindows[0]).toMatchObject({ start: '08:00', end: '08:45' });
  });
});
