import type { FocusWindow, IsoWeekday, ScheduleSettings } from '../../../../shared/schedule';
import { ISO_WEEKDAYS } from '../../../../shared/schedule';

/** The schedule as the form edits it: free text per day, so half-typed values never get lost. */
export interface ScheduleForm {
  readonly days: Readonly<Record<IsoWeekday, string>>;
  readonly windows: readonly WindowForm[];
  readonly notifyWhenEmpty: boolean;
}

export interface WindowForm {
  readonly key: number;
  readonly label: string;
  readonly days: readonly IsoWeekday[];
  readonly start: string;
  readonly end: string;
}

export function toForm(schedule: ScheduleSettings, notifyWhenEmpty: boolean): ScheduleForm {
  const days = {} as Record<IsoWeekday, string>;
  for (const day of ISO_WEEKDAYS) days[day] = schedule.deliveries[String(day) as '1'].join(', ');
  return {
    days,
    windows: schedule.focusWindows.map((w, index) => ({
      key: index,
      label: w.label ?? '',
      days: [...w.days],
      start: w.start,
      end: w.end,
    })),
    notifyWhenEmpty,
  };
}

/** "9:00" as "09:00": an hour may be typed with one digit. Anything else is left as typed. */
export function padHour(time: string): string {
  const trimmed = time.trim();
  return /^\d:\d\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
}

/** Splits "09:00, 13:00 18:00" into times; validation explains anything odd. */
export function parseTimes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map(padHour)
    .filter((t) => t !== '');
}

/** The candidate settings, unvalidated: `validateSchedule` decides whether they can be saved. */
export function fromForm(form: ScheduleForm): unknown {
  const deliveries: Record<string, string[]> = {};
  for (const day of ISO_WEEKDAYS) deliveries[String(day)] = parseTimes(form.days[day]);
  const focusWindows: FocusWindow[] = form.windows.map((w) => ({
    ...(w.label.trim() === '' ? {} : { label: w.label.trim() }),
    days: [...w.days].sort((a, b) => a - b),
    start: padHour(w.start),
    end: padHour(w.end),
  }));
  return { deliveries, focusWindows };
}
