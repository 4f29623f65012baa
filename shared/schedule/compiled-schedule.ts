import {
  ISO_WEEKDAYS,
  MINUTES_PER_DAY,
  parseDayEnd,
  parseLocalTime,
  type IsoWeekday,
} from './local-time';
import { weekdayKey, type FocusWindow, type ScheduleSettings } from './schedule-settings';
import { coversWholeWeek, focusCoverage } from './week-coverage';

/** A focus window as numbers: minutes after midnight of the day it starts on. */
export interface CompiledWindow {
  /** Position in `settings.focusWindows`. */
  readonly index: number;
  readonly days: ReadonlySet<IsoWeekday>;
  /** 0–1439. */
  readonly start: number;
  /** Greater than `start`; above 1440 when the window crosses midnight (07:00 next day = 1860). */
  readonly end: number;
}

/** Settings turned into numbers once, so the rules don't re-parse "HH:MM" strings. */
export interface CompiledSchedule {
  /** Delivery minutes after local midnight per weekday, ascending, without duplicates. */
  readonly deliveries: Readonly<Record<IsoWeekday, readonly number[]>>;
  readonly hasDeliveries: boolean;
  /** Focus windows; zero-length ones (start = end) are left out since they never apply. */
  readonly windows: readonly CompiledWindow[];
  /** The windows together cover every minute of the week, so nothing can ever be delivered. */
  readonly focusCoversWholeWeek: boolean;
}

function mustParse(value: number | null, text: string, where: string): number {
  if (value === null) throw new RangeError(`${where}: not a time of day: ${JSON.stringify(text)}`);
  return value;
}

/** Compiles a focus window; null for a zero-length one. Throws on malformed times. */
export function compileWindow(window: FocusWindow, index: number): CompiledWindow | null {
  const where = `focusWindows[${index}]`;
  const start = mustParse(parseLocalTime(window.start), window.start, `${where}.start`);
  const end = mustParse(parseDayEnd(window.end), window.end, `${where}.end`);
  if (end === start) return null;
  return {
    index,
    days: new Set(window.days),
    start,
    end: end > start ? end : end + MINUTES_PER_DAY,
  };
}

/**
 * Compiles settings that have the shape of {@link ScheduleSettings}. Throws a RangeError for
 * malformed times (use `validateSchedule` on anything that came from outside).
 */
export function compileSchedule(settings: ScheduleSettings): CompiledSchedule {
  const deliveries = {} as Record<IsoWeekday, readonly number[]>;
  let hasDeliveries = false;
  for (const day of ISO_WEEKDAYS) {
    const texts = settings.deliveries[weekdayKey(day)];
    const minutes = texts.map((text, i) =>
      mustParse(parseLocalTime(text), text, `deliveries.${day}[${i}]`),
    );
    deliveries[day] = [...new Set(minutes)].sort((a, b) => a - b);
    if (minutes.length > 0) hasDeliveries = true;
  }
  const windows: CompiledWindow[] = [];
  settings.focusWindows.forEach((window, index) => {
    const compiled = compileWindow(window, index);
    if (compiled !== null) windows.push(compiled);
  });
  return {
    deliveries,
    hasDeliveries,
    windows,
    focusCoversWholeWeek: coversWholeWeek(focusCoverage(windows)),
  };
}
