import { describe, expect, it } from 'vitest';
import { defaultScheduleSettings, validateSchedule } from '@shared/schedule';
import {
  copyDay,
  deliveriesOf,
  explainUnfinished,
  fromForm,
  padHour,
  storedEnd,
  toForm,
} from './schedule-form';
import type { ScheduleForm } from './schedule-form';

const entry = (value: string, key = Math.random()) => ({ key, value });
const emptyWeek = (): ScheduleForm['days'] => ({ 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] });

describe('times in the schedule form', () => {
  it('reads an hour typed with one digit: 9:00 is 09:00', () => {
    expect(padHour('9:00')).toBe('09:00');
    expect(padHour(' 7:30 ')).toBe('07:30');
    expect(padHour('09:00')).toBe('09:00');
  });

  it('leaves anything else as typed, for validation to explain', () => {
    expect(padHour('9.00')).toBe('9.00');
    expect(padHour('9:0')).toBe('9:0');
    expect(padHour('900')).toBe('900');
  });

  it('saves a morning time, and a window end of 00:00 as midnight (24:00)', () => {
    const form: ScheduleForm = {
      days: { ...emptyWeek(), 1: [entry('09:00'), entry('7:30')] },
      windows: [
        { key: 0, label: '', days: [1], start: '8:00', end: '8:45' },
        { key: 1, label: 'Evenings', days: [2], start: '21:00', end: '00:00' },
      ],
      notifyWhenEmpty: false,
    };
    const checked = validateSchedule(fromForm(form), { timeZone: 'Europe/London' });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.deliveries['1']).toEqual(['07:30', '09:00']);
    expect(checked.value.focusWindows[0]).toMatchObject({ start: '08:00', end: '08:45' });
    expect(checked.value.focusWindows[1]).toMatchObject({ start: '21:00', end: '24:00' });
    // …and shows it as 00:00 again, which a time picker can hold.
    expect(toForm(checked.value, false).windows[1]?.end).toBe('00:00');
    expect(storedEnd('07:00')).toBe('07:00');
  });

  it('a picker without a complete time is explained in its own words, pointing at it', () => {
    const form: ScheduleForm = {
      days: { ...emptyWeek(), 2: [entry('09:00'), entry('')] },
      windows: [{ key: 0, label: '', days: [1], start: '', end: '12:00' }],
      notifyWhenEmpty: false,
    };
    const checked = validateSchedule(fromForm(form));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const explained = explainUnfinished(form, checked.problems);
    expect(explained).toContainEqual({
      path: 'deliveries.2[1]',
      message:
        'Tuesday, delivery time 2 has no complete time: choose the hour and minutes, or remove it.',
    });
    expect(explained).toContainEqual({
      path: 'focusWindows[0].start',
      message: 'Focus window 1 has no complete start time: choose the hour and minutes.',
    });
  });

  it('copies a day to others (same as Monday, weekdays, every day), leaving unfinished ones out', () => {
    const form: ScheduleForm = {
      days: { ...emptyWeek(), 1: [entry('08:00'), entry(''), entry('12:00')] },
      windows: [],
      notifyWhenEmpty: false,
    };
    const weekdays = deliveriesOf(copyDay(form, 1, [1, 2, 3, 4, 5]));
    expect(weekdays['3']).toEqual(['08:00', '12:00']);
    expect(weekdays['6']).toEqual([]);
    const copied = copyDay(form, 1, [7]);
    expect(copied.days[1]).toBe(form.days[1]);
    expect(copied.days[7].map((e) => e.value)).toEqual(['08:00', '12:00']);
  });

  it('round-trips the defaults unchanged', () => {
    const settings = defaultScheduleSettings();
    const checked = validateSchedule(fromForm(toForm(settings, false)));
    expect(checked).toEqual({ ok: true, value: settings });
  });
});
