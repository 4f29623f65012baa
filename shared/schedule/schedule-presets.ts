import { ISO_WEEKDAYS, type IsoWeekday } from './local-time';
import {
  weekdayKey,
  type FocusWindow,
  type ScheduleSettings,
  type WeeklyDeliveries,
} from './schedule-settings';

/**
 * Ready-made schedules a user can start from (first run, Settings), and the day-copying helpers
 * behind "same as Monday", "weekdays" and "every day". Pure data and functions: the screens that
 * offer them decide how they look.
 */

export const WEEKDAYS: readonly IsoWeekday[] = Object.freeze([1, 2, 3, 4, 5]);

export interface DeliveryPreset {
  readonly id: 'three-a-day' | 'twice-a-day' | 'once-a-day' | 'weekdays-only';
  readonly name: string;
  /** One line a person reads before choosing it. */
  readonly description: string;
  readonly deliveries: WeeklyDeliveries;
}

export interface FocusPreset {
  readonly id: 'deep-work-mornings' | 'quiet-evenings' | 'family-time';
  readonly name: string;
  readonly description: string;
  readonly window: FocusWindow;
}

function week(weekdays: readonly string[], weekend: readonly string[]): WeeklyDeliveries {
  const deliveries = {} as WeeklyDeliveries;
  for (const day of ISO_WEEKDAYS) {
    deliveries[weekdayKey(day)] = [...(WEEKDAYS.includes(day) ? weekdays : weekend)];
  }
  return deliveries;
}

export const DELIVERY_PRESETS: readonly DeliveryPreset[] = Object.freeze([
  {
    id: 'three-a-day',
    name: 'Three a day',
    description: 'Morning, lunch and evening: 09:00, 13:00 and 18:00, every day.',
    deliveries: week(['09:00', '13:00', '18:00'], ['09:00', '13:00', '18:00']),
  },
  {
    id: 'twice-a-day',
    name: 'Twice a day',
    description: 'After breakfast and after work: 08:30 and 17:30, every day.',
    deliveries: week(['08:30', '17:30'], ['08:30', '17:30']),
  },
  {
    id: 'once-a-day',
    name: 'Once a day',
    description: 'One calm evening delivery at 18:00.',
    deliveries: week(['18:00'], ['18:00']),
  },
  {
    id: 'weekdays-only',
    name: 'Weekdays only',
    description: '09:00 and 17:00 on weekdays; weekends stay quiet.',
    deliveries: week(['09:00', '17:00'], []),
  },
]);

export const FOCUS_PRESETS: readonly FocusPreset[] = Object.freeze([
  {
    id: 'deep-work-mornings',
    name: 'Deep-work mornings',
    description: 'Nothing arrives 09:00–12:00 on weekdays.',
    window: { label: 'Deep work', days: [...WEEKDAYS], start: '09:00', end: '12:00' },
  },
  {
    id: 'quiet-evenings',
    name: 'Quiet evenings',
    description: 'Nothing arrives from 21:00 until 07:00 the next morning.',
    window: { label: 'Quiet evenings', days: [...ISO_WEEKDAYS], start: '21:00', end: '07:00' },
  },
  {
    id: 'family-time',
    name: 'Family time',
    description: 'Nothing arrives 18:30–20:00; anything due then waits until 20:00.',
    window: { label: 'Family time', days: [...ISO_WEEKDAYS], start: '18:30', end: '20:00' },
  },
]);

/** A schedule built from a delivery preset and any number of focus presets (fresh copies). */
export function scheduleFromPresets(
  delivery: DeliveryPreset,
  focus: readonly FocusPreset[],
): ScheduleSettings {
  return {
    deliveries: copyWeek(delivery.deliveries),
    focusWindows: focus.map((preset) => ({ ...preset.window, days: [...preset.window.days] })),
  };
}

/** `deliveries` with each of `days` given `from`'s times ("same as Monday", "weekdays", …). */
export function copyDayTo(
  deliveries: WeeklyDeliveries,
  from: IsoWeekday,
  days: readonly IsoWeekday[],
): WeeklyDeliveries {
  const next = copyWeek(deliveries);
  const times = deliveries[weekdayKey(from)];
  for (const day of days) next[weekdayKey(day)] = [...times];
  return next;
}

/** The preset whose times these are, if any (so a screen can show it as chosen). */
export function matchingDeliveryPreset(deliveries: WeeklyDeliveries): DeliveryPreset | undefined {
  return DELIVERY_PRESETS.find((preset) =>
    ISO_WEEKDAYS.every((day) => {
      const a = preset.deliveries[weekdayKey(day)];
      const b = [...deliveries[weekdayKey(day)]].sort();
      return a.length === b.length && a.every((time, i) => time === b[i]);
    }),
  );
}

function copyWeek(deliveries: WeeklyDeliveries): WeeklyDeliveries {
  const next = {} as WeeklyDeliveries;
  for (const day of ISO_WEEKDAYS) next[weekdayKey(day)] = [...deliveries[weekdayKey(day)]];
  return next;
}
