import { focusIntervalsAt, leaveFocus } from './focus-windows';
import { latestRawSlotAtOrBefore } from './delivery-slots';
import { assertInstant } from './instant';
import { ScheduleCalendar } from './schedule-calendar';
import type { FocusWindow, ScheduleSettings } from './schedule-settings';

/** Why a delivery is not at a time the user set: the slot it was moved from, and by which windows. */
export interface MovedDelivery {
  /** The configured slot the delivery was moved from (the earliest, when several landed on it). */
  readonly scheduledFor: number;
  /** The focus windows that moved it, in the order the slot passed through them (a chain). */
  readonly windows: readonly FocusWindow[];
}

/** Safety net for walking back over slots that all landed on one delivery. */
const MAX_SLOTS = 1_000;

/**
 * For a delivery instant (as `nextDelivery` gives it), the slot a focus window moved it from and
 * the windows responsible; null when the delivery is at a configured slot (nothing moved it), or
 * is not a delivery of this schedule at all.
 */
export function movedDelivery(
  delivery: number,
  zone: string,
  settings: ScheduleSettings,
): MovedDelivery | null {
  assertInstant(delivery, 'delivery');
  const calendar = new ScheduleCalendar(zone, settings);
  const latest = latestRawSlotAtOrBefore(calendar, delivery);
  // A slot at the delivery itself means it is on time (other slots may have joined it).
  if (latest === null || latest === delivery) return null;
  if (leaveFocus(calendar, latest) !== delivery) return null;
  let from = latest;
  for (let i = 0; i < MAX_SLOTS; i++) {
    const earlier = latestRawSlotAtOrBefore(calendar, from - 1);
    if (earlier === null || leaveFocus(calendar, earlier) !== delivery) break;
    from = earlier;
  }
  return { scheduledFor: from, windows: windowsPassed(calendar, settings, from) };
}

/** The windows a slot passes through on its way out of focus time, each once, in order. */
function windowsPassed(
  calendar: ScheduleCalendar,
  settings: ScheduleSettings,
  slot: number,
): FocusWindow[] {
  const seen = new Set<number>();
  const windows: FocusWindow[] = [];
  let at = slot;
  for (let hop = 0; hop < MAX_SLOTS; hop++) {
    const containing = [...focusIntervalsAt(calendar, at)].sort((a, b) => a.start - b.start);
    if (containing.length === 0) break;
    for (const interval of containing) {
      const window = settings.focusWindows[interval.window];
      if (window !== undefined && !seen.has(interval.window)) {
        seen.add(interval.window);
        windows.push(window);
      }
    }
    at = Math.max(...containing.map((interval) => interval.end));
  }
  return windows;
}
