import { MINUTES_PER_DAY, MINUTES_PER_WEEK, type IsoWeekday } from './local-time';

/**
 * Focus windows laid out on one abstract week of wall-clock minutes (0 = Monday 00:00,
 * 10080 = the next Monday 00:00), ignoring time zones and DST. Used to reason about settings as a
 * whole: overlaps, swallowed deliveries, a week with no room left for a delivery.
 */

/** Minimal window shape needed here (a CompiledWindow fits). */
export interface WeeklyWindow {
  readonly index: number;
  readonly days: ReadonlySet<IsoWeekday>;
  readonly start: number;
  readonly end: number;
}

/** A half-open run of minutes of the week, [start, end), 0 ≤ start < end ≤ 10080. */
export interface WeekSpan {
  readonly window: number;
  /** The weekday the window instance starts on (its spill past Sunday midnight keeps it). */
  readonly startDay: IsoWeekday;
  readonly start: number;
  readonly end: number;
}

export function minuteOfWeek(day: IsoWeekday, minuteOfDay: number): number {
  return (day - 1) * MINUTES_PER_DAY + minuteOfDay;
}

/** One span per day of the window, split in two where a Sunday-night window wraps to Monday. */
export function weekSpansOf(window: WeeklyWindow): WeekSpan[] {
  const spans: WeekSpan[] = [];
  for (const day of [...window.days].sort((a, b) => a - b)) {
    const start = minuteOfWeek(day, window.start);
    const end = minuteOfWeek(day, window.end);
    if (end <= MINUTES_PER_WEEK) {
      spans.push({ window: window.index, startDay: day, start, end });
    } else {
      spans.push({ window: window.index, startDay: day, start, end: MINUTES_PER_WEEK });
      spans.push({ window: window.index, startDay: day, start: 0, end: end - MINUTES_PER_WEEK });
    }
  }
  return spans;
}

/** For every minute of the week, 1 when some window covers it. */
export function focusCoverage(windows: readonly WeeklyWindow[]): Uint8Array {
  const covered = new Uint8Array(MINUTES_PER_WEEK);
  for (const window of windows) {
    for (const span of weekSpansOf(window)) covered.fill(1, span.start, span.end);
  }
  return covered;
}

export function coversWholeWeek(coverage: Uint8Array): boolean {
  return coverage.every((minute) => minute === 1);
}
