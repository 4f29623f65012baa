import { leaveFocus } from './focus-windows';
import { assertInstant } from './instant';
import { ScheduleCalendar } from './schedule-calendar';
import type { ScheduleSettings } from './schedule-settings';

/**
 * Delivery instants. A "raw slot" is a configured delivery time on a real day; a "delivery" is
 * where a raw slot ends up after focus windows: moved to the first instant outside every window.
 * Moving is monotone (a later slot never lands earlier), so deliveries come out in order and two
 * slots landing on the same instant are one delivery.
 */

/** The latest raw slot at or before `instant`, or null when the schedule has no deliveries. */
export function latestRawSlotAtOrBefore(
  calendar: ScheduleCalendar,
  instant: number,
): number | null {
  const day = calendar.localDayOf(instant);
  // Every weekday with deliveries recurs within 7 days; look a little wider for DST edges.
  for (let d = day + 1; d >= day - 8; d--) {
    const slots = calendar.rawSlotsOn(d);
    for (let i = slots.length - 1; i >= 0; i--) {
      const slot = slots[i];
      if (slot !== undefined && slot <= instant) return slot;
    }
  }
  return null;
}

/** Raw slots strictly after `instant`, ascending, without repeats. Endless: stop it yourself. */
export function* rawSlotsAfter(calendar: ScheduleCalendar, instant: number): Generator<number> {
  if (!calendar.schedule.hasDeliveries) return;
  let last = instant;
  for (let day = calendar.localDayOf(instant) - 1; ; day++) {
    for (const slot of calendar.rawSlotsOn(day)) {
      if (slot > last) {
        yield slot;
        last = slot;
      }
    }
  }
}

/**
 * Deliveries strictly after `instant`, ascending, each instant once. Endless when there are
 * deliveries at all; stop it yourself.
 */
export function* deliveriesAfter(calendar: ScheduleCalendar, instant: number): Generator<number> {
  const { hasDeliveries, focusCoversWholeWeek } = calendar.schedule;
  if (!hasDeliveries || focusCoversWholeWeek) return;
  let last = instant;
  // A slot at or before `instant` still counts when a focus window moves it past `instant`. Only
  // the latest such slot matters: earlier ones land on the same window end or earlier.
  const before = latestRawSlotAtOrBefore(calendar, instant);
  if (before !== null) {
    const moved = leaveFocus(calendar, before);
    if (moved > last) {
      yield moved;
      last = moved;
    }
  }
  for (const slot of rawSlotsAfter(calendar, instant)) {
    const delivery = leaveFocus(calendar, slot);
    if (delivery > last) {
      yield delivery;
      last = delivery;
    }
  }
}

/**
 * Every delivery in (fromExclusive, toInclusive] in `zone`: ascending, deduplicated, none inside
 * a focus window.
 */
export function deliverySlotsBetween(
  fromExclusive: number,
  toInclusive: number,
  zone: string,
  settings: ScheduleSettings,
): number[] {
  assertInstant(fromExclusive, 'fromExclusive');
  assertInstant(toInclusive, 'toInclusive');
  const calendar = new ScheduleCalendar(zone, settings);
  const deliveries: number[] = [];
  if (toInclusive <= fromExclusive) return deliveries;
  for (const delivery of deliveriesAfter(calendar, fromExclusive)) {
    if (delivery > toInclusive) break;
    deliveries.push(delivery);
  }
  return deliveries;
}
