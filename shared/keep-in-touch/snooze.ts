import type { IsoWeekday } from '../schedule/local-time';
import {
  instantOfLocalTime,
  localDayOf,
  weekdayOfLocalDay,
  zoneNamed,
} from '../schedule/wall-clock';

/**
 * "Not this week" lasts until the start of the next week: midnight, local time in `zone`, of the
 * next `firstDay`. The week starts where the user's locale starts it (`Intl.Locale` week info:
 * Monday in most of the world, Sunday in the US…), Monday (ISO 8601) when the locale does not
 * say. Snoozed on the first day of a week itself, it lasts until the next one (never until now).
 */
export function startOfNextWeek(now: number, zone: string, firstDay: IsoWeekday = 1): number {
  const tz = zoneNamed(zone);
  const day = localDayOf(tz, now);
  const ahead = (firstDay - weekdayOfLocalDay(day) + 7) % 7 || 7;
  return instantOfLocalTime(tz, day + ahead, 0);
}
