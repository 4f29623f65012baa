import { deliverySlotsBetween } from './delivery-slots';
import { ISO_WEEKDAYS, type IsoWeekday } from './local-time';
import type { ScheduleSettings } from './schedule-settings';

/** Monday 1 January 2024, 00:00 UTC: a week without daylight-saving changes. */
const REFERENCE_MONDAY = Date.UTC(2024, 0, 1);
const DAY_MS = 24 * 60 * 60_000;

/**
 * When deliveries actually come on each weekday of an ordinary week, after focus windows moved
 * them ("HH:MM", ascending): what a person choosing a schedule wants to see. A slot moved past
 * midnight counts on the day it arrives.
 */
export function deliveriesThroughWeek(
  settings: ScheduleSettings,
): Readonly<Record<IsoWeekday, readonly string[]>> {
  const week = {} as Record<IsoWeekday, string[]>;
  for (const day of ISO_WEEKDAYS) week[day] = [];
  const slots = deliverySlotsBetween(
    REFERENCE_MONDAY - 1,
    REFERENCE_MONDAY + 7 * DAY_MS - 1,
    'UTC',
    settings,
  );
  for (const slot of slots) {
    const day = (Math.floor((slot - REFERENCE_MONDAY) / DAY_MS) + 1) as IsoWeekday;
    week[day].push(new Date(slot).toISOString().slice(11, 16));
  }
  return week;
}
