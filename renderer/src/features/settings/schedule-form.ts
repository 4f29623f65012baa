import type {
  FocusWindow,
  IsoWeekday,
  ScheduleProblem,
  ScheduleSettings,
  WeeklyDeliveries,
} from '@shared/schedule';
import { ISO_WEEKDAYS, weekdayKey, weekdayName } from '@shared/schedule';
import { copyDayTo } from '@shared/schedule/schedule-presets';

/**
 * The schedule as the form edits it: one time picker per delivery time (each with a key of its
 * own, so React keeps focus on the right picker when others are added or removed), so half-chosen
 * values never get lost. A time picker whose time is not complete holds ''.
 */
export interface ScheduleForm {
  readonly days: Readonly<Record<IsoWeekday, readonly TimeEntry[]>>;
  readonly windows: readonly WindowForm[];
  readonly notifyWhenEmpty: boolean;
}

export interface TimeEntry {
  readonly key: number;
  readonly value: string;
}

export interface WindowForm {
  readonly key: number;
  readonly label: string;
  readonly days: readonly IsoWeekday[];
  readonly start: string;
  /** As the picker shows it: midnight at the end of the day is 00:00 (stored as 24:00). */
  readonly end: string;
}

let nextKey = 1;
/** A key no entry has had before (entries come and go; keys are never reused). */
export const freshKey = (): number => nextKey++;

const entries = (times: readonly string[]): TimeEntry[] =>
  times.map((value) => ({ key: freshKey(), value }));

/** The form's days for a week of delivery times. */
export function daysFrom(deliveries: WeeklyDeliveries): ScheduleForm['days'] {
  const days = {} as Record<IsoWeekday, readonly TimeEntry[]>;
  for (const day of ISO_WEEKDAYS) days[day] = entries(deliveries[weekdayKey(day)]);
  return days;
}

export function toForm(schedule: ScheduleSettings, notifyWhenEmpty: boolean): ScheduleForm {
  return {
    days: daysFrom(schedule.deliveries),
    windows: schedule.focusWindows.map((w) => ({
      key: freshKey(),
      label: w.label ?? '',
      days: [...w.days],
      start: w.start,
      end: w.end === '24:00' ? '00:00' : w.end,
    })),
    notifyWhenEmpty,
  };
}

/** "9:00" as "09:00": an hour may be typed with one digit. Anything else is left as typed. */
export function padHour(time: string): string {
  const trimmed = time.trim();
  return /^\d:\d\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
}

/** A window's end as stored: a picker cannot show 24:00, so 00:00 there means midnight. */
export function storedEnd(end: string): string {
  const padded = padHour(end);
  return padded === '00:00' ? '24:00' : padded;
}

/** The candidate settings, unvalidated: `validateSchedule` decides whether they can be saved. */
export function fromForm(form: ScheduleForm): unknown {
  const deliveries: Record<string, string[]> = {};
  for (const day of ISO_WEEKDAYS) {
    // In the order shown, unfinished ones included: problems then point at the right picker.
    deliveries[String(day)] = form.days[day].map((entry) => padHour(entry.value));
  }
  const focusWindows: FocusWindow[] = form.windows.map((w) => ({
    ...(w.label.trim() === '' ? {} : { label: w.label.trim() }),
    days: [...w.days].sort((a, b) => a - b),
    start: padHour(w.start),
    end: storedEnd(w.end),
  }));
  return { deliveries, focusWindows };
}

/**
 * The delivery times the form holds now, leaving out pickers whose time is not complete (for the
 * presets picker and the week drawing, which show what would be saved).
 */
export function deliveriesOf(form: ScheduleForm): WeeklyDeliveries {
  const deliveries = {} as WeeklyDeliveries;
  for (const day of ISO_WEEKDAYS) {
    deliveries[weekdayKey(day)] = form.days[day]
      .map((entry) => padHour(entry.value))
      .filter((value) => /^\d\d:\d\d$/.test(value));
  }
  return deliveries;
}

/** `day` with `from`'s times ("same as Monday"), or each of `days` ("weekdays", "every day"). */
export function copyDay(
  form: ScheduleForm,
  from: IsoWeekday,
  to: readonly IsoWeekday[],
): ScheduleForm {
  const copied = copyDayTo(deliveriesOf(form), from, to);
  const days = { ...form.days };
  for (const day of to) if (day !== from) days[day] = entries(copied[weekdayKey(day)]);
  return { ...form, days };
}

/**
 * A picker left without a complete time gets a sentence of its own, instead of the schema's
 * "\"\" is not a time of day".
 */
export function explainUnfinished(
  form: ScheduleForm,
  problems: readonly ScheduleProblem[],
): ScheduleProblem[] {
  return problems.map((problem) => {
    const edge = /^focusWindows\[(\d+)\]\.(start|end)$/.exec(problem.path);
    if (edge !== null) {
      const index = Number(edge[1]);
      const which = edge[2] === 'start' ? 'start' : 'end';
      if (form.windows[index]?.[which].trim() !== '') return problem;
      return {
        path: problem.path,
        message: `Focus window ${index + 1} has no complete ${which === 'start' ? 'start' : 'end'} time: choose the hour and minutes.`,
      };
    }
    const at = /^deliveries\.(\d)\[(\d+)\]$/.exec(problem.path);
    if (at === null) return problem;
    const day = Number(at[1]) as IsoWeekday;
    const index = Number(at[2]);
    if (form.days[day]?.[index]?.value.trim() !== '') return problem;
    return {
      path: problem.path,
      message: `${weekdayName(day)}, delivery time ${index + 1} has no complete time: choose the hour and minutes, or remove it.`,
    };
  });
}
