import { deliveriesAfter } from './delivery-slots';
import { assertInstant } from './instant';
import { ScheduleCalendar } from './schedule-calendar';
import type { ScheduleSettings } from './schedule-settings';

/**
 * The next delivery strictly after `now` in `zone`, as epoch ms; null when nothing will ever be
 * delivered (no delivery times at all, or focus windows covering the whole week).
 *
 * A slot inside a focus window moves to the window's end (and on through chained windows);
 * slots landing on the same instant are one delivery. Local times skipped by a DST gap happen at
 * the gap's end; local times repeated by a fall-back happen at their first occurrence only.
 * Travelling is just a different `zone`: slots are wall-clock times in the zone in effect.
 */
export function nextDelivery(now: number, zone: string, settings: ScheduleSettings): number | null {
  assertInstant(now, 'now');
  const calendar = new ScheduleCalendar(zone, settings);
  for (const delivery of deliveriesAfter(calendar, now)) return delivery;
  return null;
}
