import { deliveriesAfter } from './delivery-slots';
import { assertInstant } from './instant';
import { ScheduleCalendar } from './schedule-calendar';
import type { ScheduleSettings } from './schedule-settings';
import { MS_PER_DAY } from './wall-clock';

export interface CatchUp {
  /** True when at least one delivery slot passed since the last delivery: deliver once, now. */
  readonly due: boolean;
  /** The latest slot at or before `now` (the one to record as `scheduledFor`), or null. */
  readonly slot: number | null;
  /**
   * How many slots passed in (lastDeliveredAt, now], the delivered one included: 1 for an
   * on-time delivery, 3 after sleeping through 09:00, 13:00 and 18:00. Counted over at most the
   * last {@link CATCH_UP_MAX_DAYS} days.
   */
  readonly missed: number;
}

/** Slots further back than this are not counted in `missed` (keeps a years-long gap cheap). */
export const CATCH_UP_MAX_DAYS = 366;

/**
 * What to deliver after the app was closed or asleep: ONE catch-up delivery for however many
 * slots passed since `lastDeliveredAt` — never a burst. Record either `now` or the returned
 * `slot` as the new `lastDeliveredAt`; either way the same slots are not delivered again.
 */
export function catchUp(
  lastDeliveredAt: number,
  now: number,
  zone: string,
  settings: ScheduleSettings,
): CatchUp {
  assertInstant(lastDeliveredAt, 'lastDeliveredAt');
  assertInstant(now, 'now');
  const calendar = new ScheduleCalendar(zone, settings);
  const from = Math.max(lastDeliveredAt, now - CATCH_UP_MAX_DAYS * MS_PER_DAY);
  let slot: number | null = null;
  let missed = 0;
  if (now > from) {
    for (const delivery of deliveriesAfter(calendar, from)) {
      if (delivery > now) break;
      slot = delivery;
      missed++;
    }
  }
  return { due: slot !== null, slot, missed };
}
