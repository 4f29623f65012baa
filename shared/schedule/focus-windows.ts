import { ScheduleCalendar, type FocusInterval } from './schedule-calendar';
import type { ScheduleSettings } from './schedule-settings';
import { assertInstant } from './instant';

export type FocusState =
  | {
      readonly inFocus: true;
      /**
       * When focus ends: the end of the whole chain of overlapping or back-to-back windows, i.e.
       * the first instant outside every window. `Infinity` when the windows cover the whole week.
       */
      readonly endsAt: number;
    }
  | { readonly inFocus: false };

/** Focus-window occurrences containing `instant` (start ≤ instant < end). */
export function focusIntervalsAt(calendar: ScheduleCalendar, instant: number): FocusInterval[] {
  // A window lasts at most a day and a bit (24:00 end, DST), so only occurrences starting the
  // local day before, the same day or (for zones that fall back across midnight) the day after
  // can contain the instant.
  const day = calendar.localDayOf(instant);
  const containing: FocusInterval[] = [];
  for (let d = day - 1; d <= day + 1; d++) {
    for (const interval of calendar.focusIntervalsStartingOn(d)) {
      if (interval.start <= instant && instant < interval.end) containing.push(interval);
    }
  }
  return containing;
}

/** Safety net; real chains end within about two weeks (a few dozen hops at most). */
const MAX_HOPS = 10_000;

/**
 * The first instant at or after `instant` that is outside every focus window: `instant` itself
 * when it is outside, otherwise the end of its window — or, when that end is inside another window
 * (chained or overlapping windows), the end of that one, and so on. `Infinity` when the windows
 * cover the whole week.
 */
export function leaveFocus(calendar: ScheduleCalendar, instant: number): number {
  if (calendar.schedule.focusCoversWholeWeek) return Infinity;
  let at = instant;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const containing = focusIntervalsAt(calendar, at);
    if (containing.length === 0) return at;
    at = Math.max(...containing.map((interval) => interval.end));
  }
  throw new Error('Focus windows did not end; this is a bug in the schedule rules');
}

/** Whether `instant` is inside a focus window in `zone`, and if so when focus ends. */
export function isInFocusWindow(
  instant: number,
  zone: string,
  settings: ScheduleSettings,
): FocusState {
  assertInstant(instant, 'instant');
  const endsAt = leaveFocus(new ScheduleCalendar(zone, settings), instant);
  return endsAt === instant ? { inFocus: false } : { inFocus: true, endsAt };
}
